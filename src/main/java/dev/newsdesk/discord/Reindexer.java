package dev.newsdesk.discord;

/** Rebuilds or refreshes the index for /reindex. Called on a worker thread, at most one run at a time. */
@FunctionalInterface
public interface Reindexer {
    /**
     * @param progress told how far the run is (the reply is edited with it every few seconds)
     * @return a one-line summary for the admin, e.g. "indexed 1,234 articles (12 new) in 8.1 s"
     */
    String reindex(Progress progress) throws Exception;

    /** How far a reindex is; called on the reindexing thread. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total, detail) -> {};

        /** @param detail shown after the counts (e.g. "4,120 passages"), or null */
        void update(int done, int total, String detail);
    }
}
