package dev.newsdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.answer.ChatModelSettings;
import dev.newsdesk.answer.ChatModels;
import dev.newsdesk.answer.ChatPassageQa;
import dev.newsdesk.answer.PassageQa;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.eval.AnswerReport;
import dev.newsdesk.eval.AbstentionReport;
import dev.newsdesk.eval.LeadEval;
import dev.newsdesk.eval.MetricReport;
import dev.newsdesk.eval.MultiHopAnswerEval;
import dev.newsdesk.eval.MultiHopEval;
import dev.newsdesk.eval.MultiHopQueries;
import dev.newsdesk.eval.MultiHopQuery;
import dev.newsdesk.eval.RetrievalMetrics;
import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.EmbeddedBackend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reproducible retrieval evaluation on MultiHop-RAG with the benchmark's own metric (see {@code eval} package). The
 * corpus gets its own index, built on first use and reused while the corpus is unchanged (ingest is incremental).
 */
@Command(name = "eval", description = {"Evaluate retrieval (and abstention) on a benchmark; with a chat model configured "
        + "(--answerer or answerer= in config/), also its answers, scored with the benchmark's answer rule.",
        "  eval multihop --corpus ../shared/datasets/multihop-rag/corpus.json --queries ../shared/datasets/multihop-rag/queries-dev.json"})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "multihop")
    String benchmark;

    @Option(names = "--corpus", required = true, paramLabel = "PATH")
    Path corpus;

    @Option(names = "--queries", required = true, paramLabel = "PATH")
    Path queries;

    @Option(names = "--run", paramLabel = "FILE", description = "Write a TREC six-column run file.")
    Path run;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N queries (default: all).")
    Integer limit;

    @Option(names = "--no-abstention", description = "Skip measuring how often ask abstains on null and answerable queries.")
    boolean noAbstention;

    @Option(names = "--no-plan", description = "Retrieve with the question as one query (no per-outlet, per-date, per-part retrievals).")
    boolean noPlan;

    @Option(names = "--embedding", defaultValue = "bge-small-en-v15-q", description = "Embedding model for vector/hybrid (default ${DEFAULT-VALUE}).")
    String embeddingModel;

    @Mixin
    RetrievalOptions retrieval;

    @Mixin
    ChatOptions chat;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--no-answers", description = "Skip answering: no extractive lead figures and, with a chat model "
            + "configured (--answerer or answerer= in config/), no scoring of its answers with the benchmark's answer rule.")
    boolean noAnswers;

    @Option(names = "--answers-out", paramLabel = "FILE", description = "Write the extractive answers, one JSON object "
            + "a line: query, lead, answer, abstained, citations.")
    Path answersOut;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds for the lead figures (default ${DEFAULT-VALUE}).")
    int folds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = common.out();
        PrintWriter err = common.err();
        if (!benchmark.equals("multihop")) {
            err.println("newsdesk: unknown benchmark '" + benchmark + "'; the one supported is: multihop");
            return 2;
        }
        App app = App.create(common);
        // Checked before any indexing: a missing key or unknown provider is a one-line error, not a late failure.
        ChatModelSettings chatSettings = noAnswers ? null : app.chatSettings(chat);
        PassageQa qa = chatSettings == null ? null
                : new ChatPassageQa(ChatModels.build(chatSettings, System.getenv()), PromptLibrary.load(app.config.promptsDir()));
        Path indexDir = common.index != null ? common.index : app.config.home().resolve("data/eval/multihop");
        Retrieval.Mode retrievalMode = retrieval.mode();
        Embeddings embeddings = retrievalMode == Retrieval.Mode.BM25 ? null : Embeddings.load(embeddingModel);
        if (common.index == null && embeddings != null) indexDir = indexDir.resolveSibling("multihop-" + embeddings.modelId());
        var ingest = new CorpusIngest(new SentenceChunker(), () -> embeddings, IngestLimits.DEFAULTS);
        Progress.Output progress = progressOptions.output(err);
        CorpusIngest.Result r;
        try (Progress stage = progress.open("ingest", "articles")) {
            // On a cluster the benchmark corpus goes into the configured index (elasticsearch.index), pruned to it.
            var cluster = app.clusterSink();
            r = cluster == null ? ingest.run(List.of(corpus), indexDir, true, progress.ingest(stage))
                    : ingest.run(List.of(corpus), cluster, true, progress.ingest(stage));
        }
        err.println(r.summary().line());
        List<MultiHopQuery> all = MultiHopQueries.load(queries);
        if (limit != null) all = all.subList(0, Math.min(limit, all.size()));
        try (dev.newsdesk.retrieve.SearchBackend backend = app.elasticsearch()
                    ? new dev.newsdesk.index.elastic.ElasticBackend(new dev.newsdesk.index.elastic.ElasticClient(app.elasticSettings()), embeddings)
                    : new EmbeddedBackend(LuceneIndex.open(indexDir), embeddings);
             var threads = Retrieval.newSearchThreads()) {
            // "Today" for a benchmark is when its questions were written: the corpus's latest article, not the clock.
            java.time.LocalDate latest = backend.catalog().stats().latest();
            java.time.LocalDate asOf = latest == null ? java.time.LocalDate.now() : latest;
            Retrieval retrievals = new Retrieval(backend, () -> asOf, threads);
            Retriever retriever = retrievals.retriever(retrieval.options(false, !noPlan));
            MultiHopEval eval = new MultiHopEval(retriever);
            MetricReport report = eval.run(all, 10, Optional.ofNullable(run));
            AbstentionReport abst = null;
            if (!noAbstention) {
                abst = eval.abstention(App.extractive(retriever, backend.lexicon(), retrievals.planners()), all);
            }
            LeadEval.Report leads = null;
            if (!noAnswers) {
                err.println("answering " + all.size() + " queries with the extractive answerer for the lead figures...");
                List<LeadEval.Row> rows;
                int n = all.size();
                try (Progress stage = progress.open("answer", "queries")) {
                    rows = LeadEval.collect(l -> App.extractive(retriever, backend.lexicon(), retrievals.planners(), l), all,
                            (i, row) -> stage.update(i + 1, n, null));
                }
                var focus = new dev.newsdesk.answer.FocusRefiner(backend.lexicon(), q -> retrievals.planners().current().periodOf(q));
                leads = LeadEval.crossValidate(rows, folds, dev.newsdesk.answer.lead.LeadWeights.DEFAULTS,
                        (q, a) -> focus.refine(q, List.of(), List.of(), a));
                if (answersOut != null) writeAnswers(rows, answersOut);
            }
            AnswerReport answers = null;
            if (qa != null) {
                err.println("scoring " + chatSettings.provider().id() + " " + chatSettings.modelName() + " answers on "
                        + all.size() + " queries with the benchmark's answer rule...");
                int total = all.size();
                try (Progress stage = progress.open("score", "answers")) {
                    answers = new MultiHopAnswerEval(retriever).answers(qa, all, 10, (i, q, reply, ok) -> stage.update(i + 1, total, null));
                }
            }
            var coverage = RetrievalMetrics.factCoverage(all, allPassageTexts(backend.catalog(), eval));
            err.printf(Locale.ROOT, "evidence facts wholly inside some passage (the ceiling for any retriever): %d of %d (%.1f%%)%n",
                    coverage.covered(), coverage.facts(), 100 * coverage.share());
            if (json) {
                ObjectNode node = report.toJsonNode();
                if (abst != null) node.set("abstention", abst.toJsonNode());
                if (leads != null) node.set("lead", leads.toJsonNode());
                if (answers != null) {
                    ObjectNode a = answers.toJsonNode();
                    a.put("provider", chatSettings.provider().id());
                    a.put("model", chatSettings.modelName());
                    node.set("answers", a);
                }
                out.println(node.toPrettyString());
            } else {
                out.println(table(report));
                if (abst != null) {
                    out.printf(Locale.ROOT, "ask abstains on %.1f%% of null queries (%d/%d) and answers %.1f%% of answerable ones (%d/%d)%n",
                            100 * abst.nullAbstainRate(), abst.nullAbstained(), abst.nullQueries(),
                            100 * abst.answerableAnswerRate(), abst.answerableAnswered(), abst.answerableQueries());
                }
                if (leads != null) out.println(leads.table().stripTrailing());
                if (answers != null) out.println(answerTable(answers, chatSettings).stripTrailing());
            }
            return 0;
        }
    }

    /** One JSON object a line: the answer as ask gives it (default lead weights). */
    private static void writeAnswers(List<LeadEval.Row> rows, Path file) throws java.io.IOException {
        var mapper = Json.mapper();
        try (var w = java.nio.file.Files.newBufferedWriter(file)) {
            for (LeadEval.Row r : rows) {
                ObjectNode n = mapper.createObjectNode();
                n.put("query", r.query().query());
                n.put("lead", r.answer().lead() == null ? null : r.answer().lead().text());
                n.put("answer", r.answer().text());
                n.put("abstained", r.answer().abstained());
                n.set("citations", mapper.valueToTree(r.answer().citations()));
                w.write(mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(n));
                w.newLine();
            }
        }
    }

    private static List<String> allPassageTexts(Catalog catalog, MultiHopEval eval) {
        List<String> out = new java.util.ArrayList<>();
        for (String id : catalog.articleIds()) {
            for (var h : catalog.passagesOf(id)) out.add(eval.scoredText(h));
        }
        return out;
    }

    static String table(MetricReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %7s %7s %7s %7s %7s %7s %6s%n", "type", "Hits@4", "Hits@10",
                "MRR@10", "MAP@10", "EvR@10", "All@10", "n"));
        row(sb, "all", r);
        for (Map.Entry<String, MetricReport> e : r.byType().entrySet()) row(sb, e.getKey(), e.getValue());
        return sb.toString();
    }

    static String answerTable(AnswerReport r, ChatModelSettings model) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "answers of %s %s, scored with the benchmark's answer rule (qa_evaluate.py):%n",
                model.provider().id(), model.modelName()));
        sb.append(String.format(Locale.ROOT, "%-16s %8s %7s %7s %6s%n", "type", "accuracy", "correct", "failed", "n"));
        answerRow(sb, "all", r);
        r.byType().forEach((type, t) -> answerRow(sb, type, t));
        return sb.toString();
    }

    private static void answerRow(StringBuilder sb, String name, AnswerReport r) {
        sb.append(String.format(Locale.ROOT, "%-16s %8.3f %7d %7d %6d%n", name, r.accuracy(), r.correct(), r.failed(), r.queries()));
    }

    private static void row(StringBuilder sb, String name, MetricReport r) {
        sb.append(String.format(Locale.ROOT, "%-12s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %6d%n", name, r.hits4(), r.hits10(),
                r.mrr10(), r.map10(), r.evidenceRecall10(), r.allEvidence10(), r.queries()));
    }
}
