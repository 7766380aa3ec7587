package dev.newsdesk.cli;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.ExtractiveAnswerer;
import dev.newsdesk.answer.EvidenceGate;
import dev.newsdesk.config.NewsdeskConfig;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.newsdesk.answer.ChatAnswerSettings;
import dev.newsdesk.answer.ChatAnswerer;
import dev.newsdesk.answer.ChatModelSettings;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.HybridRetriever;
import dev.newsdesk.retrieve.KnnRetriever;
import dev.newsdesk.retrieve.PlannedRetriever;
import dev.newsdesk.retrieve.QueryPlanner;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SentenceRetriever;
import dev.newsdesk.retrieve.SentenceWindowReranker;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where objects are wired by constructor (as TJ-Bot's {@code Features} or Javalin's app). Owns the
 * open index; commands get their collaborators from here and close it with try-with-resources.
 */
final class App implements Closeable {
    final NewsdeskConfig config;
    final Path indexDir;
    final boolean indexGiven;
    private LuceneIndex index;
    private ExecutorService searchThreads;

    private App(NewsdeskConfig config, Path indexDir, boolean indexGiven) {
        this.config = config;
        this.indexDir = indexDir;
        this.indexGiven = indexGiven;
    }

    static App create(CommonOptions common) {
        // Path.of("") is the working directory: an empty --index would silently search (or ingest into) it
        if (common.index != null && common.index.toString().isBlank()) {
            throw new IllegalArgumentException("--index is empty; give the index directory, e.g. --index data/index");
        }
        if (common.home != null && common.home.toString().isBlank()) {
            throw new IllegalArgumentException("--home is empty; give the project directory that holds config/ and corpus/");
        }
        Path home = common.home != null ? common.home
                : Path.of(System.getProperty("newsdesk.home", System.getProperty("user.dir")));
        NewsdeskConfig config = NewsdeskConfig.load(home.toAbsolutePath().normalize(), System.getenv());
        Path index = common.index != null ? common.index.toAbsolutePath() : config.indexDir();
        return new App(config, index, common.index != null);
    }

    /**
     * Opens the index; when the default index does not exist yet, first ingests the default corpus so that a
     * newcomer's first {@code ask} just works.
     */
    LuceneIndex index(PrintWriter err) {
        if (index == null) {
            if (!indexGiven && !indexExists(indexDir)) {
                err.println("No index yet at " + indexDir + "; indexing " + config.corpusDirs() + " first...");
                int status = new IngestRun(this, config.corpusDirs(), false, false, err).call();
                if (status == Main.EXIT_ERROR) throw new IllegalStateException("could not build the index; see the messages above");
            }
            index = LuceneIndex.open(indexDir);
        }
        return index;
    }

    static boolean indexExists(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The retriever every command uses: the question planned into per-outlet, per-date and per-part retrievals
     * over BM25, fused and diversified (measured in docs/benchmarks.md).
     */
    Retriever retriever(PrintWriter err, boolean snippets) {
        return retriever(err, snippets, config.get("retrieval.mode", "auto"));
    }

    /**
     * @param mode bm25, vector, hybrid, or auto (hybrid when the index has vectors, else bm25)
     */
    Retriever retriever(PrintWriter err, boolean snippets, String mode) {
        LuceneIndex idx = index(err);
        String m = mode == null ? "auto" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        boolean hasVectors = !idx.embeddingModel().equals("none");
        if (m.equals("auto")) m = hasVectors ? "hybrid" : "bm25";
        Retriever bm25 = new Bm25Retriever(idx, snippets);
        Retriever base = switch (m) {
            case "bm25" -> bm25;
            case "vector" -> new KnnRetriever(idx, queryEmbeddings(idx));
            case "hybrid" -> new HybridRetriever(bm25, new KnnRetriever(idx, queryEmbeddings(idx)), HYBRID_DENSE_WEIGHT);
            default -> throw new IllegalArgumentException("retrieval mode '" + mode + "' is unknown; choose bm25, vector, hybrid or auto");
        };
        return planned(idx, base, planners(err), MAX_PER_ARTICLE, new SentenceRetriever(idx, snippets), searchThreads());
    }

    /** Threads that run a planned question's searches side by side; made on first use, stopped by close(). */
    private synchronized ExecutorService searchThreads() {
        if (searchThreads == null) searchThreads = newSearchThreads();
        return searchThreads;
    }

    /** One daemon thread per core: a question's searches are CPU-bound, more threads would only queue. */
    static ExecutorService newSearchThreads() {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().name("newsdesk-search-", 0).factory());
    }

    /**
     * Planned retrieval as every command runs it (ask, search, eval, bench): each part searched by {@code base} and
     * by {@code sentences} (null only to measure without them), then fused, reranked and diversified.
     */
    static Retriever planned(LuceneIndex idx, Retriever base, PlannedRetriever.QueryPlannerFactory planners,
                             int maxPerArticle, SentenceRetriever sentences, Executor threads) {
        return new PlannedRetriever(base, sentences, planners, maxPerArticle, reranker(idx), threads);
    }

    /** The second stage every planned retrieval runs (ask, search, eval, bench), with its measured defaults. */
    static SentenceWindowReranker reranker(LuceneIndex index) {
        return new SentenceWindowReranker(new LuceneLexicon(index), SentenceWindowReranker.Settings.DEFAULTS);
    }

    /** Most passages of one article in a top 10: 3 measured best on MultiHop-RAG dev (docs/benchmarks.md). */
    static final int MAX_PER_ARTICLE = 3;

    /** Weight of the dense list in hybrid fusion, measured on MultiHop-RAG dev (docs/benchmarks.md). */
    static final double HYBRID_DENSE_WEIGHT = 0.5;

    private Embeddings queryEmbeddings;

    /** The model the index's vectors came from, loaded once for query embedding. */
    synchronized Embeddings queryEmbeddings(LuceneIndex idx) {
        String built = idx.embeddingModel();
        if (built.equals("none")) {
            throw new IllegalArgumentException("index '" + idx.path() + "' has no passage vectors; set embedding.model in "
                    + NewsdeskConfig.FILE + " and re-run ingest, or use --mode bm25");
        }
        if (queryEmbeddings == null) queryEmbeddings = Embeddings.load(built.substring(0, built.indexOf('/')));
        return queryEmbeddings;
    }

    /** The passage embedder ingest uses: embedding.model from config/, none = BM25 only. */
    Embeddings ingestEmbeddings(boolean noVectors) {
        return noVectors ? null : Embeddings.load(config.embeddingModel());
    }

    private PlannedRetriever.QueryPlannerFactory planners;

    synchronized PlannedRetriever.QueryPlannerFactory planners(PrintWriter err) {
        if (planners == null) planners = plannerFactory(index(err), () -> asOf);
        return planners;
    }

    /** A planner that knows the outlets of the index, rebuilt when the index changes (after /reindex). */
    static PlannedRetriever.QueryPlannerFactory plannerFactory(LuceneIndex idx, java.util.function.Supplier<LocalDate> asOf) {
        var catalog = new LuceneCatalog(idx);
        record Cached(long version, QueryPlanner planner) {}
        var cache = new java.util.concurrent.atomic.AtomicReference<Cached>();
        return () -> {
            long version = idx.withSearcher(s -> ((org.apache.lucene.index.DirectoryReader) s.getIndexReader()).getVersion());
            Cached c = cache.get();
            if (c != null && c.version() == version) return c.planner();
            List<String> outlets = catalog.stats().outlets().stream().map(Catalog.OutletCount::outlet).toList();
            QueryPlanner planner = new QueryPlanner(outlets, asOf.get());
            cache.set(new Cached(version, planner));
            return planner;
        };
    }

    /** The date relative dates in questions ("last week") count from; today unless --as-of says otherwise. */
    LocalDate asOf = LocalDate.now();

    Lexicon lexicon(PrintWriter err) {
        return new LuceneLexicon(index(err));
    }

    Catalog catalog(PrintWriter err) {
        return new LuceneCatalog(index(err));
    }

    Answerer extractive(PrintWriter err) {
        var planners = planners(err);
        return new ExtractiveAnswerer(retriever(err, false), lexicon(err), new SentenceSplitter(),
                ExtractiveAnswerer.Settings.DEFAULTS,
                new EvidenceGate(lexicon(err), q -> planners.current().unknownOutletsIn(q)));
    }

    /**
     * The configured answerer: {@code answerer} in config/ (or --answerer), extractive by default. A chat model
     * answers with the extractive answerer as its fallback, so provider trouble degrades, never fails.
     *
     * @throws IllegalStateException naming the environment variable when a provider's key is missing
     */
    Answerer answerer(PrintWriter err, ChatOptions flags) {
        Answerer extractive = extractive(err);
        ChatModelSettings settings = chatSettings(flags);
        if (settings == null) return extractive;
        return ChatAnswerer.create(settings, System.getenv(), retriever(err, false), extractive,
                PromptLibrary.load(config.promptsDir()), embeddings(), ChatAnswerSettings.DEFAULTS);
    }

    /**
     * The chat provider chosen by {@code --answerer} (or {@code answerer} in config/) with its {@code chat.*}
     * settings, or null when the answerer is extractive.
     */
    ChatModelSettings chatSettings(ChatOptions flags) {
        String kind = flags.answerer != null ? flags.answerer : config.get("answerer", ExtractiveAnswerer.NAME);
        if (kind.strip().equalsIgnoreCase(ExtractiveAnswerer.NAME)) return null;
        ChatModelSettings.Provider provider = ChatModelSettings.Provider.parse(kind);
        String timeout = config.get("chat.timeout-seconds", null);
        return new ChatModelSettings(provider,
                flags.baseUrl != null ? flags.baseUrl : config.get("chat.base-url", null),
                flags.model != null ? flags.model : config.get("chat.model", null),
                config.get("chat.api-key-env", null),
                timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout.strip())));
    }

    /**
     * Summary and compare for the bot's /summary and /compare: verbatim, cited points; with a chat model configured,
     * summary points and a comparison overview are written by the model and checked (what fails the check is not shown).
     */
    dev.newsdesk.discord.Features coverageFeatures(PrintWriter err, ChatOptions flags) {
        var grouper = new dev.newsdesk.coverage.Grouper(lexicon(err), new SentenceSplitter(), null,
                dev.newsdesk.coverage.CoverageSettings.DEFAULTS);
        var summarizer = new dev.newsdesk.coverage.CoverageSummarizer(retriever(err, false), grouper, coverageWriter(flags));
        var comparer = new dev.newsdesk.coverage.CoverageComparer(retriever(err, false), grouper, coverageWriter(flags));
        return new dev.newsdesk.discord.Features(summarizer::summarize,
                (topic, outlets) -> comparer.compare(topic, outlets, dev.newsdesk.retrieve.Filters.NONE));
    }

    /**
     * The chat-model half of summaries and comparisons when a chat answerer is configured ({@code --answerer} or {@code answerer=}),
     * with the same citation checker as written answers; null for offline (verbatim) summaries.
     *
     * @throws IllegalStateException naming the environment variable when a provider's key is missing
     */
    dev.newsdesk.coverage.CoverageSummarizer.Writer coverageWriter(ChatOptions flags) {
        ChatModelSettings settings = chatSettings(flags);
        if (settings == null) return null;
        return new dev.newsdesk.coverage.CoverageSummarizer.Writer(
                dev.newsdesk.answer.ChatModels.build(settings, System.getenv()), settings.provider().id(),
                PromptLibrary.load(config.promptsDir()), new dev.newsdesk.answer.CitationChecker(embeddings()), null);
    }

    private EmbeddingModel embeddings;

    /** The in-process embedding model (loaded once, ~0.5 s): citation checks and summaries use it. */
    synchronized EmbeddingModel embeddings() {
        if (embeddings == null) embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        return embeddings;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (searchThreads != null) searchThreads.shutdownNow();
        }
        if (index != null) index.close();
    }
}
