package dev.newsdesk.index;

import java.util.List;

/**
 * Turns passage texts into dense vectors at ingest time. One implementation per model backend; the index records
 * {@link #modelId()} so a query is never compared with vectors of another model.
 */
public interface PassageEmbedder {
    String modelId();

    int dimensions();

    /** Embeds in order; the result has one unit-length vector per text. Thread-safe. */
    List<float[]> embedAll(List<String> texts);
}
