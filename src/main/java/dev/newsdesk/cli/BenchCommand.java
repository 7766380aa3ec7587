package dev.newsdesk.cli;

import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ArticleSink;
import dev.newsdesk.ingest.CorpusReader;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.SearchBackend;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Benchmarks that print figures (never asserted by tests): {@code bench ingest} and {@code bench search}. Results and
 * the commands that produced them are recorded in docs/benchmarks.md.
 */
@Command(name = "bench", description = {"Measure ingest throughput and search latency on a corpus; prints figures.",
        "  bench ingest --corpus ../shared/datasets/bbc/bbc-articles.jsonl.gz",
        "  bench search --corpus ../shared/datasets/bbc/bbc-articles.jsonl.gz --queries 2000",
        "  bench answer --corpus ../shared/datasets/multihop-rag/corpus.json --index data/eval/multihop --questions ../shared/datasets/multihop-rag/queries-dev.json --queries 800",
        "  bench summary --corpus ../shared/datasets/news-scale/realtimeqa-articles.jsonl.gz --articles 5000 --passages 5000"})
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, search, summary or answer")
    String what;

    @Option(names = "--corpus", required = true, paramLabel = "PATH", description = "Corpus file or folder.")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", description = "Index to use (default: a fresh temporary one, deleted afterwards).")
    Path index;

    @Option(names = "--queries", defaultValue = "2000", description = "Search: number of timed queries (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--plan", description = "Search: retrieve as ask and search do (per-outlet, per-date, per-part retrievals, fused).")
    boolean plan;

    @Option(names = "--questions", paramLabel = "PATH",
            description = "Search: take the queries from a MultiHop-RAG queries file instead of the corpus's headlines.")
    Path questions;

    @Option(names = "--snippets", description = "Search: also compute highlighted snippets.")
    boolean snippets;

    @Option(names = "--passages", defaultValue = "5000", description = "Summary: passages summarised (default ${DEFAULT-VALUE}).")
    int passages;

    @Option(names = "--topic", defaultValue = "inflation prices economy", description = "Summary: the topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--articles", paramLabel = "N", description = "Use only the first N records of a .jsonl(.gz) corpus.")
    Integer articles;

    @Mixin
    RetrievalOptions retrieval;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--home", paramLabel = "DIR", hidden = true, description = "Project root holding config/.")
    Path home;

    @Option(names = "--replace", description = "Ingest with index.backend=elasticsearch: delete the configured cluster index "
            + "first (bench ingest times a fresh ingest, so it refuses an index that holds articles without this).")
    boolean replace;

    /** An ingest run with its progress on stderr (the figures go to stdout); {@code stage} names the run. */
    private CorpusIngest.Result ingestRun(CorpusIngest ingest, BenchTarget target, String stage) throws java.io.IOException {
        Progress.Output progress = progressOptions.output(spec.commandLine().getErr());
        try (Progress p = progress.open(stage, "articles")) {
            return ingest.run(List.of(corpus), target.opener(), false, progress.ingest(p));
        }
    }

    /**
     * index.backend=elasticsearch: the configured cluster index (bench ingest fills it, bench search searches it,
     * filling it first when empty); else --index or a fresh temporary Lucene index.
     */
    private BenchTarget target(Path dir) {
        CommonOptions common = new CommonOptions();
        common.home = home;
        try (App app = App.create(common)) {
            return app.elasticsearch() ? new BenchTarget.Cluster(app.elasticSettings()) : new BenchTarget.Local(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!what.equals("ingest") && !what.equals("search") && !what.equals("summary") && !what.equals("answer")) {
            spec.commandLine().getErr().println("newsdesk: bench takes 'ingest', 'search', 'summary' or 'answer', not '" + what + "'");
            return 2;
        }
        if (queries < 1) {
            spec.commandLine().getErr().println("newsdesk: --queries must be at least 1, was " + queries);
            return 2;
        }
        boolean temp = index == null;
        Path dir = temp ? Files.createTempDirectory("newsdesk-bench") : index;
        try {
            BenchTarget target = target(dir);
            if (what.equals("ingest") && target instanceof BenchTarget.Cluster && target.exists()) {
                if (!replace) {
                    spec.commandLine().getErr().println("newsdesk: " + target.describe() + " already holds articles; bench ingest "
                            + "times a fresh ingest: add --replace to delete it first, or set NEWSDESK_ELASTICSEARCH_INDEX to a new name");
                    return 2;
                }
                target.delete();
            }
            if (what.equals("summary") && target instanceof BenchTarget.Cluster) {
                throw new IllegalArgumentException("bench summary measures the embedded index only; run it without index.backend=elasticsearch");
            }
            out.printf("machine: %d cores, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
            out.println("backend: " + target.backend() + ", " + target.describe());
            if (articles != null) corpus = firstRecords(corpus, articles, dir);
            if (what.equals("ingest") || !target.exists()) ingest(out, target);
            if (what.equals("search")) search(out, target);
            if (what.equals("summary")) SummaryBench.run(out, dir, topic, passages);
            if (what.equals("answer")) answer(out, target);
            return 0;
        } finally {
            if (temp) deleteTree(dir);
        }
    }

    @Option(names = "--embedding", paramLabel = "MODEL", defaultValue = "none",
            description = "Ingest/search: passage vectors with this model (bge-small-en-v15-q, all-minilm-l6-v2-q; default none = BM25 only).")
    String embedding;

    private Embeddings embeddings;

    private Embeddings embeddings() {
        if (embeddings == null && !embedding.equals("none")) embeddings = Embeddings.load(embedding);
        return embeddings;
    }

    /**
     * The model's own throughput on this corpus's passages, embedded the way ingest embeds them (the same texts,
     * one call per batch), so ingest's rate can be stated as a share of it.
     */
    private double modelThroughput(PrintWriter out, Embeddings e) {
        List<String> texts = new ArrayList<>();
        var chunker = new SentenceChunker();
        new CorpusReader(IngestLimits.DEFAULTS).read(List.of(corpus), new ArticleSink() {
            @Override
            public void article(Article a) {
                if (texts.size() >= 1024) return;
                for (var p : chunker.chunk(a)) texts.add(dev.newsdesk.index.IndexUpdater.embeddingText(a, p));
            }

            @Override
            public void failure(Path path, String reason) {}
        });
        List<String> sample = texts.subList(0, Math.min(texts.size(), 512));
        e.embedAll(sample.subList(0, Math.min(32, sample.size())));
        long t0 = System.nanoTime();
        e.embedAll(sample);
        double rate = sample.size() / ((System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "model %s alone: %d passages in one batch, %.1f passages/s%n", e.modelId(), sample.size(), rate);
        return rate;
    }

    @Option(names = "--warmup", defaultValue = "1",
            description = "Ingest: untimed runs into a throwaway index first, so the JIT has compiled the hot code (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "1",
            description = "Ingest (BM25): timed runs, each into a fresh index; prints each and the median (default ${DEFAULT-VALUE}).")
    int runs;

    private void ingest(PrintWriter out, BenchTarget dir) throws Exception {
        for (int w = 0; w < warmup && embedding.equals("none"); w++) {
            BenchTarget scratch = dir.scratch("warmup");
            scratch.delete();
            try {
                long t0 = System.nanoTime();
                ingestRun(new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS), scratch, "warm-up " + (w + 1));
                out.printf(Locale.ROOT, "warm-up run %d: %.1f s (not counted)%n", w + 1, (System.nanoTime() - t0) / 1e9);
            } finally {
                scratch.delete();
            }
        }
        Embeddings e = embeddings();
        double modelRate = e == null ? 0 : modelThroughput(out, e);
        CorpusIngest ingest = new CorpusIngest(new SentenceChunker(), () -> e, IngestLimits.DEFAULTS);
        // Earlier timed runs go to throwaway indexes; the last one builds the index in `dir`. On a machine shared
        // with other work single runs vary 2x, so the median and the best of several are printed too.
        int timed = e == null ? Math.max(1, runs) : 1;
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run < timed; run++) {
            BenchTarget scratch = dir.scratch("run");
            scratch.delete();
            try {
                long c0 = processCpuNanos();
                long r0 = System.nanoTime();
                var rs = ingestRun(ingest, scratch, "run " + run).summary();
                double w = (System.nanoTime() - r0) / 1e9;
                rates.add(rs.passages() / w);
                out.printf(Locale.ROOT, "timed run %d: %d passages in %.2f s = %.0f passages/s end to end, CPU %.2f s%n",
                        run, rs.passages(), w, rs.passages() / w, (processCpuNanos() - c0) / 1e9);
            } finally {
                scratch.delete();
            }
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        CorpusIngest.Result r = ingestRun(ingest, dir, "ingest");
        double s = (System.nanoTime() - t0) / 1e9;
        var sum = r.summary();
        if (timed > 1) {
            rates.add(sum.passages() / s);
            out.printf(Locale.ROOT, "timed run %d: %d passages in %.2f s = %.0f passages/s end to end, CPU %.2f s%n",
                    timed, sum.passages(), s, sum.passages() / s, (processCpuNanos() - cpu0) / 1e9);
            List<Double> sorted = rates.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            out.printf(Locale.ROOT, "over %d timed runs: median %.0f passages/s, best %.0f, worst %.0f (end to end)%n",
                    timed, median, sorted.getLast(), sorted.getFirst());
        }
        out.printf(Locale.ROOT, "ingest %s on %s: %d articles (%d failed, %d folded), %d passages in %.1f s total "
                        + "= %.0f passages/s end to end; index phase %.1f s = %.0f passages/s%n",
                corpus, dir.backend(), sum.added() + sum.updated() + sum.unchanged(), sum.failed(), sum.folded(), sum.passages(), s,
                sum.passages() / s, sum.seconds(), sum.passages() / sum.seconds());
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        out.printf(Locale.ROOT, "process CPU time %.1f s (wall %.1f s; on an idle 2-core machine wall >= CPU/2)%n", cpu, s);
        out.printf(Locale.ROOT, "index size on %s: %.1f MB%n", dir.backend(), dir.bytes() / 1e6);
        if (e != null) {
            out.printf(Locale.ROOT, "embedding ingest reached %.0f%% of the model's own throughput%n",
                    100 * (sum.passages() / s) / modelRate);
        }
    }

    private void search(PrintWriter out, BenchTarget dir) throws Exception {
        List<String> titles = new ArrayList<>();
        new CorpusReader(IngestLimits.DEFAULTS).read(List.of(corpus), new ArticleSink() {
            @Override
            public void article(Article a) {
                titles.add(a.title());
            }

            @Override
            public void failure(Path path, String reason) {}
        });
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("no articles in " + corpus + " to take search queries from; pass a corpus with --corpus");
        }
        Collections.shuffle(titles, new Random(42));
        if (questions != null) {
            // Real questions are long and plan into several retrievals: the cost a reader sees, unlike a headline's.
            titles.clear();
            titles.addAll(dev.newsdesk.eval.MultiHopQueries.load(questions).stream().map(dev.newsdesk.eval.MultiHopQuery::query).toList());
            Collections.shuffle(titles, new Random(42));
        }
        try (SearchBackend backend = dir.open(embeddings());
             var threads = Retrieval.newSearchThreads()) {
            Retriever r = new Retrieval(backend, java.time.LocalDate::now, threads).retriever(retrieval.options(snippets, plan));
            int warm = Math.min(500, titles.size());
            for (int i = 0; i < warm; i++) r.search(new SearchRequest(titles.get(i), null, 10));
            long[] ns = new long[queries];
            for (int i = 0; i < queries; i++) {
                String q = titles.get(i % titles.size());
                long t0 = System.nanoTime();
                r.search(new SearchRequest(q, null, 10));
                ns[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ns);
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "search on %s (%s%s, top 10, snippets %s): %d queries (%s), p50 %.2f ms, "
                            + "p95 %.2f ms, p99 %.2f ms, heap used %d MB%n", dir.backend(), retrieval.mode, plan ? ", planned" : "", snippets ? "on" : "off",
                    queries, questions != null ? "questions from " + questions.getFileName() : "article headlines",
                    ns[queries / 2] / 1e6, ns[(int) (queries * 0.95)] / 1e6, ns[(int) (queries * 0.99)] / 1e6,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /**
     * Extractive answer latency as ask answers (planned retrieval, evidence gate), with and without the lead
     * ({@link dev.newsdesk.answer.lead.LeadRefiner}), the two interleaved question by question so that load on a
     * shared machine falls on both alike.
     */
    private void answer(PrintWriter out, BenchTarget dir) throws Exception {
        if (questions == null) throw new IllegalArgumentException("bench answer needs --questions FILE (MultiHop-RAG queries)");
        List<String> qs = new ArrayList<>(dev.newsdesk.eval.MultiHopQueries.load(questions).stream()
                .map(dev.newsdesk.eval.MultiHopQuery::query).toList());
        Collections.shuffle(qs, new Random(42));
        try (SearchBackend backend = dir.open(embeddings());
             var threads = Retrieval.newSearchThreads()) {
            Retrieval retrievals = new Retrieval(backend, java.time.LocalDate::now, threads);
            Retriever r = retrievals.retriever(retrieval.options(false, true));
            var splitter = new dev.newsdesk.ingest.SentenceSplitter();
            dev.newsdesk.answer.Answerer without = new dev.newsdesk.answer.ExtractiveAnswerer(r, backend.lexicon(), splitter,
                    dev.newsdesk.answer.ExtractiveAnswerer.Settings.DEFAULTS,
                    new dev.newsdesk.answer.EvidenceGate(backend.lexicon(), q -> retrievals.planners().current().unknownOutletsIn(q)));
            dev.newsdesk.answer.Answerer with = App.extractive(r, backend.lexicon(), retrievals.planners());
            int warm = Math.min(200, qs.size());
            for (int i = 0; i < warm; i++) {
                without.answer(new dev.newsdesk.answer.Question(qs.get(i)));
                with.answer(new dev.newsdesk.answer.Question(qs.get(i)));
            }
            long[] a = new long[queries], b = new long[queries];
            for (int i = 0; i < queries; i++) {
                var q = new dev.newsdesk.answer.Question(qs.get(i % qs.size()));
                long t0 = System.nanoTime();
                without.answer(q);
                long t1 = System.nanoTime();
                with.answer(q);
                long t2 = System.nanoTime();
                a[i] = t1 - t0;
                b[i] = t2 - t1;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            out.printf(Locale.ROOT, "extractive answer (%s, planned), %d questions from %s: without lead p50 %.2f ms p95 %.2f ms; "
                            + "with lead p50 %.2f ms p95 %.2f ms (p50 +%.2f ms)%n", retrieval.mode, queries, questions.getFileName(),
                    a[queries / 2] / 1e6, a[(int) (queries * 0.95)] / 1e6, b[queries / 2] / 1e6,
                    b[(int) (queries * 0.95)] / 1e6, (b[queries / 2] - a[queries / 2]) / 1e6);
        }
    }

    /** The first {@code n} lines of a .jsonl or .jsonl.gz file, written next to the temporary index. */
    private static Path firstRecords(Path file, int n, Path dir) throws java.io.IOException {
        Path subset = dir.resolveSibling(dir.getFileName() + "-first-" + n + ".jsonl");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(file.toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file),
                java.nio.charset.StandardCharsets.UTF_8));
             var w = Files.newBufferedWriter(subset)) {
            String line;
            for (int i = 0; i < n && (line = in.readLine()) != null; i++) w.write(line + "\n");
        }
        subset.toFile().deleteOnExit();
        return subset;
    }

    /** CPU time of this process, so figures taken on a busy machine can still be compared. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
