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
}
