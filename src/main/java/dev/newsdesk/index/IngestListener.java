package dev.newsdesk.index;

/** Progress callbacks from {@link IndexUpdater}; the CLI draws a bar, tests count. Called on the ingest thread. */
public interface IngestListener {
    IngestListener NONE = new IngestListener() {};

    /** {@code done} of {@code total} articles processed (added, updated or unchanged). */
    default void progress(int done, int total, int passages) {}

    /** A commit made the work so far durable (a kill after this loses nothing before it). */
    default void committed(int done) {}
}
