package dev.newsdesk.sources;

import java.util.List;

/** What one poll pass did, per source. */
public record PollReport(List<SourceReport> sources) {
    public PollReport {
        sources = List.copyOf(sources);
    }

    /** Sources that failed this pass (or are backing off after failing): the reason {@code poll} exits 4. */
    public List<SourceReport> failed() {
        return sources.stream().filter(s -> s.status() == Status.FAILED || s.status() == Status.BACKING_OFF).toList();
    }

    public enum Status {
        /** Listing fetched and read. */
        OK,
        /** The listing answered 304: nothing new. */
        NOT_MODIFIED,
        /** The listing could not be fetched or read; {@link SourceReport#error()} says why. */
        FAILED,
        /** Failed too often in a row: not polled until its back-off ends. */
        BACKING_OFF;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** An article link not taken, and why. */
    public record Skip(String url, String reason) {}

    /**
     * @param added     articles new to the index
     * @param updated   articles whose text changed (their old passages were replaced)
     * @param unchanged listed articles already known: not fetched again, answered 304, or fetched with the same text
     * @param folded    near-duplicates of another article (wire copy), indexed once under it
     * @param requests  article pages requested (the listing's own request not counted)
     */
    public record SourceReport(String url, String kind, Status status, int added, int updated, int unchanged, int folded,
                               int requests, List<Skip> skipped, String error, List<PolledArticle> articles) {
        public SourceReport {
            skipped = List.copyOf(skipped);
            articles = List.copyOf(articles);
        }
    }
}
