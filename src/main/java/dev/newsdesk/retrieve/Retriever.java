package dev.newsdesk.retrieve;

import java.util.List;

/**
 * Ranked passage retrieval. Thread-safe; results are ordered best first, ties broken by passage id.
 * Implementations: Lucene BM25, Lucene kNN, hybrid fusion; later a search cluster.
 */
@FunctionalInterface
public interface Retriever {
    List<Hit> search(SearchRequest request);
}
