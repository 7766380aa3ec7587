package dev.newsdesk.ingest;

import java.util.List;

/** Splits an article's cleaned body into passages. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface Chunker {
    List<Passage> chunk(Article article);
}
