package dev.newsdesk.retrieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link QueryPlanner.Plan} against any backend retriever and fuses the lists: weighted reciprocal rank fusion
 * (Cormack et al.) with a small k, an optional second stage ({@link SentenceWindowReranker}) over the head of the
 * fused list, then per-article diversification. Weighted rather than LangChain4j's unweighted
 * {@code ReciprocalRankFuser} because a part restricted to one outlet or date is a hint, not an equal vote.
 * Backend-independent: works on {@link Hit}s only.
 */
public final class PlannedRetriever implements Retriever {
    /**
     * Far smaller than the usual 60, on purpose. The usual k fuses many lists that each try to answer the whole
     * question, so agreement further down should count. Here each part asks for a different piece of evidence (one
     * outlet, one clause, one date), which is usually only in that part's first few hits; k=60 flattens 1/(k+r) so
     * much that passages matching several parts loosely outrank each part's best. With k=2 each part's top hits lead
     * the fused list, roughly interleaved by weight. Measured on MultiHop-RAG dev (docs/benchmarks.md): k 0-3 are
     * within 0.003 MRR@10 of each other; k=10 is 2.5 points and k=60 8 points lower.
     */
    static final int RRF_K = 2;

    private final Retriever base;
    private final int maxPerArticle;
    private final QueryPlannerFactory factory;
    private final SentenceWindowReranker reranker;

    /**
     * @param planner makes the plan for a question under the request's filters
     * @param maxPerArticle most passages of one article among the top results (evidence usually spans articles)
     */
    public PlannedRetriever(Retriever base, QueryPlannerFactory planner, int maxPerArticle) {
        this(base, planner, maxPerArticle, null);
    }

    /** @param reranker second stage over the fused list, or null for none */
    public PlannedRetriever(Retriever base, QueryPlannerFactory planner, int maxPerArticle, SentenceWindowReranker reranker) {
        this.base = base;
        this.factory = planner;
        this.maxPerArticle = maxPerArticle;
        this.reranker = reranker;
    }

    /** Supplies the planner for the index as it is now (outlets change when articles are added). */
    @FunctionalInterface
    public interface QueryPlannerFactory {
        QueryPlanner current();
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        QueryPlanner planner = factory.current();
        QueryPlanner.Plan plan = planner.plan(request.query(), request.filters());
        int depth = Math.max(request.limit() * 2, 30);
        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, Hit> byId = new HashMap<>();
        for (QueryPlanner.SubQuery part : plan.parts()) {
            List<Hit> hits = base.search(new SearchRequest(part.text(), part.filters(), depth));
            for (int r = 0; r < hits.size(); r++) {
                Hit h = hits.get(r);
                fused.merge(h.passageId(), part.weight() / (RRF_K + r + 1), Double::sum);
                byId.putIfAbsent(h.passageId(), h);
            }
        }
        List<Hit> ranked = new ArrayList<>(fused.size());
        for (var e : fused.entrySet()) ranked.add(byId.get(e.getKey()).withScore(e.getValue()));
        ranked.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.passageId().compareTo(b.passageId()));
        // Outlet names are filters of the plan's parts; in the rescoring text they would only reward passages that
        // happen to name the outlet.
        if (reranker != null) ranked = reranker.rerank(planner.withoutOutlets(request.query()), ranked);
        return Diversifier.capPerArticle(ranked, maxPerArticle, request.limit());
    }
}
