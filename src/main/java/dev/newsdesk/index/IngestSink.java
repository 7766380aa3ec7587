package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where ingested articles go: for each article its article record, its passages (with their vectors when an
 * embedding model is configured) and their sentences. The embedded Lucene index is one implementation
 * ({@link LuceneIngestSink}); a search cluster would be another. {@link IndexUpdater} decides what to write (content
 * hashes, pruning), chunks and embeds, and calls {@link #commit} on its schedule; a sink only stores.
 *
 * <p>Contract: each {@link #write} is atomic, so a commit holds whole articles only; {@link #close} discards
 * whatever was not committed, so an aborted run leaves the target as its last commit left it. One ingest at a time.
 */
public interface IngestSink extends Closeable {
    /** Opens the sink a run writes to, once the run knows its embedding model. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param embeddingModel "model/dimensions" of the passage vectors, or "none"; a target built with another
         *                       model (or an older schema) is rebuilt rather than mixed
         */
        IngestSink open(String embeddingModel) throws IOException;
    }

    /** Articles the target holds (as of its last commit plus this sink's changes); empty when it is being rebuilt. */
    Map<String, IndexedArticle> indexed() throws IOException;

    /** Called once before any write with the number of articles this run writes (a bulk run may be laid out differently). */
    default void expect(int articles) {}

    /** Removes an article together with its passages and sentences. */
    void delete(String articleId) throws IOException;

    /**
     * Writes one article with its passages, atomically. Thread-safe: called from several threads at once.
     *
     * @param vectors one per passage, in order, or null without an embedding model
     * @param replace whether a former version of the article may be held (then it is replaced, passages and all)
     */
    void write(Article article, List<Passage> passages, List<float[]> vectors, boolean replace) throws IOException;

    /**
     * Moves one piece of buffered work to storage ahead of a commit; false when nothing is left. Called on several
     * threads at once, so that work is spread over the cores instead of done by {@link #commit} on one.
     */
    default boolean flushNext() throws IOException {
        return false;
    }

    /** Makes everything written so far durable: a process killed after this loses none of it. */
    void commit() throws IOException;

    /**
     * The error to report when an update failed with {@code e}: it names the target, the real cause and what to do.
     * Null when {@code e} is not a failure to write to this target; it then propagates as it is.
     */
    IOException writeFailure(Exception e);

    /** Discards everything not committed and releases the target. */
    @Override
    void close() throws IOException;
}
