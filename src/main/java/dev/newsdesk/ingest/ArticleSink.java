package dev.newsdesk.ingest;

import java.nio.file.Path;

/**
 * Receives what {@link CorpusReader#read} finds, in reading order. Called on the reading thread only.
 */
public interface ArticleSink {
    /** One article, cleaned, with metadata filled in. */
    void article(Article a);

    /**
     * A file or record that was skipped.
     *
     * @param path the file (records of multi-record files name their line or index in {@code reason})
     * @param reason one human-readable line that says what is wrong and what to do about it
     */
    void failure(Path path, String reason);

    /**
     * A file whose first records were read (and delivered as articles) before it broke off, e.g. a truncated
     * {@code .jsonl.gz}: what was read is kept, the rest is missing. Reported like a failure unless the sink tells
     * the two apart.
     *
     * @param reason one line that says how much was read and what to do, e.g. "read 1,130 articles, then the file
     *               ends mid-stream; ..."
     */
    default void incomplete(Path path, String reason) {
        failure(path, reason);
    }
}
