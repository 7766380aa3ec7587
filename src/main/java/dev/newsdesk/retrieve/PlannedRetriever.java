package dev.newsdesk.retrieve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a {@link QueryPlanner.Plan} against any backend retriever, and optionally a sentence-level one, and fuses the
 * lists: weighted reciprocal rank fusion (Cormack et al.) with a small k, an optional second stage
 * ({@link SentenceWindowReranker}) over the head of the fused list, then per-article diversification. Weighted
 * rather than LangChain4j's unweighted {@code ReciprocalRankFuser} because a part restricted to one outlet or date
 * is a hint, not an equal vote.
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

    /**
     * Weight of each part's sentence-level list against its passage-level list. Measured on MultiHop-RAG dev
     * (docs/benchmarks.md): with the sentence lists MRR@10 rose by about 3.5 points and Hits@4 by 1.5; weights 0.5 to
     * 1.0 are within noise of each other, 0.3 gains less.
     */
    static final double SENTENCE_WEIGHT = 0.7;
    /**
     * Passages a part's sentence list contributes. 20, 30 and 50 measured the same (docs/benchmarks.md): further down,
     * 0.7/(k+r) no longer moves the fused order.
     */
    static final int SENTENCE_DEPTH = 20;

    private final Retriever base;
    private final Retriever sentences;
    private final Executor executor;
    private final int maxPerArticle;
    private final QueryPlannerFactory factory;
    private final SentenceWindowReranker reranker;

    /**
     * @param planner makes the plan for a question under the request's filters
     * @param maxPerArticle most passages of one article among the top results (evidence usually spans articles)
     */
    public PlannedRetriever(Retriever base, QueryPlannerFactory planner, int maxPerArticle) {
        this(base, null, planner, maxPerArticle, null, null);
    }

    /**
     * @param sentences sentence-level retriever searched for every part beside {@code base}, or null for none
     * @param reranker second stage over the fused list, or null for none
     * @param executor runs the parts' searches side by side (a question plans into a dozen), or null to run them
     *                 one after another on the caller's thread; the fused result is the same either way
     */
    public PlannedRetriever(Retriever base, Retriever sentences, QueryPlannerFactory planner, int maxPerArticle,
                            SentenceWindowReranker reranker, Executor executor) {
        this.base = base;
        this.sentences = sentences;
        this.executor = executor;
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
        List<Supplier<List<Hit>>> searches = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (QueryPlanner.SubQuery part : plan.parts()) {
            // The passage list first: where both lists hold a passage, its hit (with the backend's snippet) is kept.
            searches.add(() -> base.search(new SearchRequest(part.text(), part.filters(), depth)));
            weights.add(part.weight());
            if (sentences != null) {
                searches.add(() -> sentences.search(new SearchRequest(part.text(), part.filters(), Math.min(depth, SENTENCE_DEPTH))));
                weights.add(part.weight() * SENTENCE_WEIGHT);
            }
        }
        // Fused in plan order whatever order the searches finished in, so the ranking is deterministic.
        List<Hit> ranked = RankFusion.fuse(run(searches).stream().map(RankFusion::tiesById).toList(), weights, RRF_K);
        // Outlet names are filters of the plan's parts; in the rescoring text they would only reward passages that
        // happen to name the outlet.
        if (reranker != null) ranked = reranker.rerank(planner.withoutOutlets(request.query()), ranked);
        return Diversifier.capPerArticle(ranked, maxPerArticle, request.limit());
    }

    private List<List<Hit>> run(List<Supplier<List<Hit>>> searches) {
        if (executor == null) return searches.stream().map(Supplier::get).toList();
        List<CompletableFuture<List<Hit>>> running = searches.stream().map(s -> CompletableFuture.supplyAsync(s, executor)).toList();
        try {
            return running.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            // The caller sees the search's own exception (an unavailable index says how to rebuild it), not a wrapper.
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
