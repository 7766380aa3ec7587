package dev.newsdesk.retrieve;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one place that builds the retriever every command runs — {@code ask}, {@code search}, the bot, and what
 * {@code eval} and {@code bench} measure — from a {@link SearchBackend}: the question planned into per-outlet,
 * per-date and per-part retrievals, each part searched by passage and by sentence, fused ({@link RankFusion}),
 * reranked ({@link SentenceWindowReranker}) and diversified ({@link Diversifier}). The measured defaults live here
 * (docs/benchmarks.md). Thread-safe.
 */
public final class Retrieval {
    /** Most passages of one article in a top 10: 3 measured best on MultiHop-RAG dev (docs/benchmarks.md). */
    public static final int MAX_PER_ARTICLE = 3;

    /** Weight of the dense list in hybrid fusion, measured on MultiHop-RAG dev (docs/benchmarks.md). */
    public static final double HYBRID_DENSE_WEIGHT = 0.5;

    /** Which passage lists a retrieval fuses; {@code AUTO} is hybrid when the index has vectors, else BM25. */
    public enum Mode {
        BM25, VECTOR, HYBRID, AUTO;

        /** @throws IllegalArgumentException naming the bad value and the choices */
        public static Mode parse(String mode) {
            String m = mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
            return switch (m) {
                case "bm25" -> BM25;
                case "vector" -> VECTOR;
                case "hybrid" -> HYBRID;
                case "auto" -> AUTO;
                default -> throw new IllegalArgumentException("retrieval mode '" + mode + "' is unknown; choose bm25, vector, hybrid or auto");
            };
        }
    }

    /**
     * @param plan          false: the question as one query (eval's --no-plan), no planning, rerank or diversification
     * @param sentences     false: no sentence-level list beside each part's passage list (measurement only)
     * @param maxPerArticle most passages of one article among the top results
     * @param denseWeight   weight of the dense list in hybrid fusion
     */
    public record Options(Mode mode, boolean snippets, boolean plan, boolean sentences, int maxPerArticle, double denseWeight) {
        public Options {
            if (mode == null) mode = Mode.AUTO;
            if (maxPerArticle < 1) throw new IllegalArgumentException("most passages per article must be at least 1, was " + maxPerArticle);
        }

        /** What ask, search and the bot run. */
        public static final Options DEFAULTS = new Options(Mode.AUTO, false, true, true, MAX_PER_ARTICLE, HYBRID_DENSE_WEIGHT);

        public Options withMode(Mode m) {
            return new Options(m, snippets, plan, sentences, maxPerArticle, denseWeight);
        }
    }

    private final SearchBackend backend;
    private final Executor threads;
    private final PlannedRetriever.QueryPlannerFactory planners;

    /**
     * @param asOf    the date relative dates in questions ("last week") count from
     * @param threads runs a planned question's searches side by side, or null to run them on the caller's thread
     */
    public Retrieval(SearchBackend backend, Supplier<LocalDate> asOf, Executor threads) {
        this.backend = backend;
        this.threads = threads;
        this.planners = plannerFactory(backend, asOf);
    }

    public SearchBackend backend() {
        return backend;
    }

    /** The retriever for these options. */
    public Retriever retriever(Options o) {
        if (o.mode() == Mode.AUTO) {
            // Resolved at each search from what the backend holds then, not once: a backend that opens later (the
            // bot started while the cluster was down) or an index rebuilt with vectors is searched as it is now.
            var built = new java.util.concurrent.ConcurrentHashMap<Mode, Retriever>();
            return request -> built.computeIfAbsent(backend.embeddingModel().equals(Embeddings.NONE) ? Mode.BM25 : Mode.HYBRID,
                    m -> retriever(o.withMode(m))).search(request);
        }
        Mode m = o.mode();
        Retriever base = switch (m) {
            case BM25 -> backend.lexical(o.snippets());
            case VECTOR -> backend.dense();
            case HYBRID -> new HybridRetriever(backend.lexical(o.snippets()), backend.dense(), o.denseWeight());
            case AUTO -> throw new AssertionError("resolved above");
        };
        if (!o.plan()) return base;
        return new PlannedRetriever(base, o.sentences() ? backend.sentences(o.snippets()) : null, planners,
                o.maxPerArticle(), reranker(), threads);
    }

    /** The planner for the corpus as it is now: it knows the outlets, and is rebuilt when an ingest changes them. */
    public PlannedRetriever.QueryPlannerFactory planners() {
        return planners;
    }

    /** The second stage every planned retrieval runs, with its measured defaults. */
    public SentenceWindowReranker reranker() {
        return new SentenceWindowReranker(backend.lexicon(), SentenceWindowReranker.Settings.DEFAULTS);
    }

    private static PlannedRetriever.QueryPlannerFactory plannerFactory(SearchBackend backend, Supplier<LocalDate> asOf) {
        Catalog catalog = backend.catalog();
        record Cached(long generation, QueryPlanner planner) {}
        var cache = new AtomicReference<Cached>();
        return () -> {
            long generation = backend.generation();
            Cached c = cache.get();
            if (c != null && c.generation() == generation) return c.planner();
            List<String> outlets = catalog.stats().outlets().stream().map(Catalog.OutletCount::outlet).toList();
            QueryPlanner planner = new QueryPlanner(outlets, asOf.get());
            cache.set(new Cached(generation, planner));
            return planner;
        };
    }

    /** One daemon thread per core: a question's searches are CPU-bound, more threads would only queue. */
    public static ExecutorService newSearchThreads() {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().name("newsdesk-search-", 0).factory());
    }
}
