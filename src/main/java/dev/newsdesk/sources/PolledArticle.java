package dev.newsdesk.sources;

import dev.newsdesk.ingest.Article;

/**
 * An article read from a fetched page, with where its date came from.
 *
 * @param datedBy "json-ld", "meta", "feed", "url" or "crawl" (the crawl date is the last resort, and so marked)
 * @param link    the URL it was listed under (the article's own identity is {@link Article#url()}, its canonical URL)
 */
public record PolledArticle(Article article, String datedBy, String link) {}
