package dev.newsdesk.index;

/** What an index holds about one article, for incremental decisions and pruning. */
public record IndexedArticle(String id, String contentHash, String source) {}
