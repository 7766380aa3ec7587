package dev.newsdesk.cli;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.ExtractiveAnswerer;
import dev.newsdesk.answer.EvidenceGate;
import dev.newsdesk.answer.lead.LeadFinder;
import dev.newsdesk.answer.lead.LeadRefiner;
import dev.newsdesk.answer.lead.LeadWeights;
import dev.newsdesk.config.NewsdeskConfig;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.newsdesk.answer.ChatAnswerSettings;
import dev.newsdesk.answer.ChatAnswerer;
import dev.newsdesk.answer.ChatModelSettings;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.PlannedRetriever;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.SearchBackend;
import dev.newsdesk.retrieve.EmbeddedBackend;
import java.time.LocalDate;
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
    private SearchBackend backend;
    private Retrieval retrieval;
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
     * Opens the search backend; when the default index does not exist yet, first ingests the default corpus so that
     * a newcomer's first {@code ask} just works.
     */
    synchronized SearchBackend backend(PrintWriter err) {
        if (backend == null) {
            if (!indexGiven && !elasticsearch() && !indexExists(indexDir)) {
                err.println("No index yet at " + indexDir + "; indexing " + config.corpusDirs() + " first...");
                int status = new IngestRun(this, config.corpusDirs(), false, false, err).call();
                if (status == Main.EXIT_ERROR) throw new IllegalStateException("could not build the index; see the messages above");
            }
            // a damaged local index still stops the process with its one line: waiting would not mend it
            if (reopening && (elasticsearch() || !indexExists(indexDir))) {
                var lazy = new dev.newsdesk.retrieve.ReopeningBackend(elasticsearch() ? "elasticsearch" : "embedded", this::openBackend);
                try {
                    lazy.current();
                } catch (dev.newsdesk.retrieve.IndexUnavailableException e) {
                    err.println("newsdesk: search is unavailable for now: " + e.getMessage() + "; questions are told so until it is back");
                }
                backend = lazy;
            } else {
                backend = openBackend();
            }
        }
        return backend;
    }

    private boolean reopening;

    /**
     * For the bot and serve: the backend opens on first use and, while it cannot (cluster down, index missing),
     * each question is told why and a later one tries again, so the process starts and recovers without a restart.
     * Call before anything asks for the backend.
     */
    synchronized App reopenLazily() {
        this.reopening = true;
        return this;
    }

    private SearchBackend openBackend() {
        if (!elasticsearch()) return new EmbeddedBackend(LuceneIndex.open(indexDir));
        var client = new dev.newsdesk.index.elastic.ElasticClient(elasticSettings());
        try {
            return new dev.newsdesk.index.elastic.ElasticBackend(client, null);
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the open already failed; that failure is the one to report
            }
            throw e;
        }
    }

    /** The one place that reads index.backend: embedded (the default, nothing to set up) or elasticsearch. */
    boolean elasticsearch() {
        String kind = config.get("index.backend", "embedded").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case "embedded", "" -> false;
            case "elasticsearch" -> true;
            default -> throw new IllegalArgumentException("index.backend '" + kind + "' is unknown; use embedded or elasticsearch");
        };
    }

    dev.newsdesk.index.elastic.ElasticSettings elasticSettings() {
        return dev.newsdesk.index.elastic.ElasticSettings.from(config, config.home(), System.getenv());
    }

    /** Where ingest writes: the cluster index when index.backend=elasticsearch, else null (the Lucene index at indexDir). */
    dev.newsdesk.index.IngestSink.Opener clusterSink() {
        if (!elasticsearch()) return null;
        var settings = elasticSettings();
        return model -> dev.newsdesk.index.elastic.ElasticIngestSink.open(new dev.newsdesk.index.elastic.ElasticClient(settings), model);
    }

    /**
     * Where poll, the bot's poller and /reindex write: the cluster index when index.backend=elasticsearch, else the
     * Lucene index at indexDir. The poll state file stays in indexDir either way.
     */
    dev.newsdesk.index.IndexTarget writeTarget() {
        return elasticsearch() ? new dev.newsdesk.index.elastic.ElasticIndexTarget(elasticSettings())
                : new dev.newsdesk.index.LocalIndexTarget(indexDir);
    }

    static boolean indexExists(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Retrieval as every command runs it (ask, search, the bot; eval and bench build the same from their backend). */
    synchronized Retrieval retrieval(PrintWriter err) {
        if (retrieval == null) retrieval = new Retrieval(backend(err), () -> asOf, searchThreads());
        return retrieval;
    }

    /** The retriever every command uses, in the configured {@code retrieval.mode}. */
    Retriever retriever(PrintWriter err, boolean snippets) {
        return retriever(err, snippets, config.get("retrieval.mode", "auto"));
    }

    /**
     * @param mode bm25, vector, hybrid, or auto (hybrid when the index has vectors, else bm25)
     */
    Retriever retriever(PrintWriter err, boolean snippets, String mode) {
        Retrieval.Mode m = Retrieval.Mode.parse(mode);
        return retrieval(err).retriever(new Retrieval.Options(m, snippets, true, true, Retrieval.MAX_PER_ARTICLE,
                Retrieval.HYBRID_DENSE_WEIGHT));
    }

    /** Threads that run a planned question's searches side by side; made on first use, stopped by close(). */
    private synchronized ExecutorService searchThreads() {
        if (searchThreads == null) searchThreads = Retrieval.newSearchThreads();
        return searchThreads;
    }

    /**
     * Where questions and feedback are stored: {@code database.url} (env NEWSDESK_DATABASE_URL) or the SQLite file
     * data/newsdesk.db under the project home; user and password only from the environment.
     */
    dev.newsdesk.store.StoreSettings storeSettings() {
        String days = config.get("database.retention-days", String.valueOf(dev.newsdesk.store.StoreSettings.DEFAULT_RETENTION_DAYS));
        int retention;
        try {
            retention = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("database.retention-days is '" + days + "', not a number of days; use e.g. 90");
        }
        return dev.newsdesk.store.StoreSettings.fromEnvironment(System.getenv(), config.get("database.url", null),
                config.home().resolve("data"), retention);
    }

    /** The passage embedder ingest uses: embedding.model from config/, none = BM25 only. */
    Embeddings ingestEmbeddings(boolean noVectors) {
        return noVectors ? null : Embeddings.load(config.embeddingModel());
    }

    PlannedRetriever.QueryPlannerFactory planners(PrintWriter err) {
        return retrieval(err).planners();
    }

    /** The date relative dates in questions ("last week") count from; today unless --as-of says otherwise. */
    LocalDate asOf = LocalDate.now();

    Lexicon lexicon(PrintWriter err) {
        return backend(err).lexicon();
    }

    Catalog catalog(PrintWriter err) {
        return backend(err).catalog();
    }

    /**
     * A filter on an outlet the index does not hold would filter everything away and read as "no article comes
     * close"; say so instead, with the nearest indexed name.
     *
     * @param option the option as the user typed it (--outlet, --outlets)
     * @throws UsageError naming the unknown outlet, the nearest indexed one and the indexed outlets
     */
    void requireIndexedOutlets(String option, java.util.List<String> outlets, PrintWriter err) {
        if (outlets.isEmpty()) return;
        dev.newsdesk.retrieve.OutletNames.problem(option, outlets, catalog(err).stats().outlets(), "newsdesk stats lists them all")
                .ifPresent(p -> {
                    throw new UsageError(p);
                });
    }

    Answerer extractive(PrintWriter err) {
        return extractive(retriever(err, false), lexicon(err), planners(err));
    }

    /** The extractive answerer as ask runs it and eval measures it: its evidence gate knows the indexed outlets. */
    static Answerer extractive(Retriever retriever, Lexicon lexicon, PlannedRetriever.QueryPlannerFactory planners) {
        return extractive(retriever, lexicon, planners, LeadRefiner.Listener.NONE);
    }

    /** @param leads sees each question's lead evidence (eval tunes and scores the lead on it) */
    static Answerer extractive(Retriever retriever, Lexicon lexicon, PlannedRetriever.QueryPlannerFactory planners,
                               LeadRefiner.Listener leads) {
        SentenceSplitter splitter = new SentenceSplitter();
        return new ExtractiveAnswerer(retriever, lexicon, splitter, ExtractiveAnswerer.Settings.DEFAULTS,
                new EvidenceGate(lexicon, q -> planners.current().unknownOutletsIn(q)),
                java.util.List.of(new LeadRefiner(new LeadFinder(lexicon, splitter, LEAD_DEPTH), LeadWeights.DEFAULTS, leads),
                        new dev.newsdesk.answer.FocusRefiner(lexicon, q -> planners.current().periodOf(q))));
    }

    /** Passages the lead looks in: the answer's candidates (ExtractiveAnswerer.Settings.DEFAULTS.candidates()). */
    static final int LEAD_DEPTH = 20;

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
        if (backend != null) backend.close();
    }
}
