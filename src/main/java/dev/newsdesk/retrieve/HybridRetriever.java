package dev.newsdesk.retrieve;

import java.util.List;

/**
 * Lexical and dense retrieval fused by weighted reciprocal rank. Weighted because measurement says so: on
 * MultiHop-RAG an equal-weight fusion with a small dense model is worse than BM25 alone (docs/benchmarks.md), while
 * a lighter dense vote recovers paraphrased evidence BM25 misses. Backend-independent.
 */
public record HybridRetriever(Retriever lexical, Retriever dense, double denseWeight) implements Retriever {
    /**
     * The usual RRF k: both lists answer the same whole question, so agreement further down should count (unlike
     * {@link PlannedRetriever}'s parts, which each look for different evidence).
     */
    static final int RRF_K = 60;


    @Override
    public List<Hit> search(SearchRequest request) {
        int depth = Math.max(request.limit(), 50);
        SearchRequest deep = new SearchRequest(request.query(), request.filters(), depth);
        List<Hit> fused = RankFusion.fuse(List.of(RankFusion.tiesById(lexical.search(deep)), RankFusion.tiesById(dense.search(deep))), List.of(1.0, denseWeight), RRF_K);
        return fused.size() <= request.limit() ? fused : List.copyOf(fused.subList(0, request.limit()));
    }

}
