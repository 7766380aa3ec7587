package dev.newsdesk.index;

/**
 * What one ingest run did.
 *
 * @param failed files or records that were skipped (reported separately with their path and reason)
 * @param folded near-duplicate articles indexed once under another article
 * @param passages passages written in this run (not the index total)
 */
public record IngestSummary(int added, int updated, int unchanged, int removed, int failed, int folded, int passages,
                            double seconds) {
    public String line() {
        return String.format(java.util.Locale.ROOT,
                "ingest: %d added, %d updated, %d unchanged, %d removed, %d failed, %d near-duplicates folded, %d passages, %.1f s",
                added, updated, unchanged, removed, failed, folded, passages, seconds);
    }
}
