package dev.newsdesk.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a command's writes go — the embedded Lucene index ({@link LocalIndexTarget}) or a search cluster's index —
 * and what writing there takes: how a batch opens its {@link IngestSink}, whether another process may be writing,
 * which embedding model the index already has, and what a long-running process (the bot that polls) holds between
 * batches. One implementation per backend, so poll, the bot's poller and /reindex have no backend {@code if}s.
 */
public interface IndexTarget {
    /** The index for messages: "the index at data/index", "Elasticsearch index 'newsdesk' at [http://...]". */
    String describe();

    /** Opens a sink for one batch (a poll pass, an ingest run); each open may take the target's write lock. */
    IngestSink.Opener opener();

    /**
     * Fails before anything is fetched when another process holds the target for writing; a target that lets
     * several writers in (a cluster: idempotent ids, no lock) returns at once.
     *
     * @throws IndexLockedException naming the target
     */
    void requireWritable() throws IOException;

    /** "model/dimensions" (or "none") of the index as it is; empty when there is no index yet. */
    Optional<String> embeddingModel() throws IOException;

    /**
     * What a long-running process keeps from its first write until it stops: for Lucene the writer itself (so a CLI
     * poll meanwhile is refused, not racing it); for a cluster nothing but the way to open a sink.
     *
     * @param embedder the model the index's passages are embedded with, or null for BM25 only
     */
    Held hold(PassageEmbedder embedder) throws IOException;

    /** A held target: lends sinks one batch at a time until closed. */
    interface Held extends Closeable {
        IngestSink.Opener opener();
    }
}
