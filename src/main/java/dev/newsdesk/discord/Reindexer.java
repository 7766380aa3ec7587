package dev.newsdesk.discord;

/** Rebuilds or refreshes the index for /reindex. Called on a worker thread, at most one run at a time. */
@FunctionalInterface
public interface Reindexer {
    /** @return a one-line summary for the admin, e.g. "indexed 1,234 articles (12 new) in 8.1 s" */
    String reindex() throws Exception;
}
