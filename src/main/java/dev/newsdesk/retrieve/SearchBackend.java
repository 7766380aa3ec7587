package dev.newsdesk.retrieve;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where passages are searched: the embedded Lucene index ({@link EmbeddedBackend}) or a search cluster. A backend
 * gives the primitive lists (passage BM25, passage kNN, sentence BM25) and the look-ups; everything above them —
 * planning, fusion, rerank, diversification, answers — is the same code for every backend ({@link Retrieval}).
 * Adding a backend is one implementation of this interface and one line where {@code index.backend} is read.
 * Implementations are thread-safe; {@link #close()} releases what the backend opened.
 */
public interface SearchBackend extends Closeable {
    /** A short name for stats and messages, e.g. "embedded". */
    String name();

    /** Passage-level BM25 with the request's filters inside the query; {@code snippets} marks the matched words. */
    Retriever lexical(boolean snippets);

    /**
     * Passage-level dense retrieval, the question embedded by the model the passages were embedded with.
     *
     * @throws IllegalArgumentException saying how to add vectors when the index has none
     */
    Retriever dense();

    /** Sentence-level BM25, each sentence found standing for the passage it belongs to. */
    Retriever sentences(boolean snippets);

    Catalog catalog();

    Lexicon lexicon();

    /** The id of the model the passage vectors came from ("bge-small-en-v15-q/384"), or "none". */
    String embeddingModel();

    /**
     * A number that changes whenever what is searchable changes (an ingest committed), so caches derived from the
     * corpus, such as the planner's outlet list, are rebuilt.
     */
    long generation();

    /** Picks up what an ingest (by this or another process) committed since the backend was opened. */
    void refresh() throws IOException;
}
