package dev.newsdesk.cli;

import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs one ingest and reports it: its progress (Progress), each skipped input, and the summary line. */
final class IngestRun implements Callable<Integer> {
    private final App app;
    private final List<Path> roots;
    private final boolean prune;
    private final boolean noVectors;
    private final PrintWriter err;
    private IngestResultSink resultSink = r -> {};
    private String outlet;
    private Progress.Output progress;

    IngestRun(App app, List<Path> roots, boolean prune, boolean noVectors, PrintWriter err) {
        this.app = app;
        this.roots = roots;
        this.prune = prune;
        this.noVectors = noVectors;
        this.err = err;
        this.progress = Progress.Output.of(err, false);
    }

    /** How progress is shown (--quiet: not at all); by default a bar on a terminal, else a line every few seconds. */
    IngestRun progress(Progress.Output output) {
        this.progress = output;
        return this;
    }

    interface IngestResultSink {
        void accept(CorpusIngest.Result result);
    }

    /** @param outlet for articles whose files name none, or null */
    IngestRun outlet(String outlet) {
        this.outlet = outlet;
        return this;
    }

    IngestRun onResult(IngestResultSink sink) {
        this.resultSink = sink;
        return this;
    }

    @Override
    public Integer call() {
        CorpusIngest ingest = new CorpusIngest(new SentenceChunker(), () -> app.ingestEmbeddings(noVectors),
                IngestLimits.DEFAULTS).withOutlet(outlet);
        CorpusIngest.Result result;
        try (Progress stage = progress.open("ingest", "articles")) {
            result = ingest.run(roots, app.writeTarget().opener(), prune, progress.ingest(stage));
        } catch (java.io.IOException e) {
            err.println("newsdesk: ingest failed: " + e.getMessage());
            // Not "unchanged since the last completed ingest": a long run commits every 20 s, and those commits stay.
            err.println("newsdesk: " + app.writeTarget().describe() + " keeps what its last commit holds; fix the problem "
                    + "and run ingest again (articles already indexed are skipped)");
            return Main.EXIT_ERROR;
        }
        for (CorpusIngest.Failure f : result.failures()) {
            err.println((f.incomplete() ? "incomplete " : "skipped ") + f.path() + ": " + f.reason());
        }
        err.println(result.summary().line());
        resultSink.accept(result);
        return result.failures().isEmpty() ? 0 : Main.EXIT_PARTIAL;
    }
}
