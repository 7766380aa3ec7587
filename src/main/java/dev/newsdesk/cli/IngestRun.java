package dev.newsdesk.cli;

import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.index.IngestListener;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs one ingest and reports it: a progress bar on a terminal, each skipped input, and the summary line. */
final class IngestRun implements Callable<Integer> {
    private final App app;
    private final List<Path> roots;
    private final boolean prune;
    private final boolean noVectors;
    private final PrintWriter err;
    private IngestResultSink resultSink = r -> {};
    private String outlet;

    IngestRun(App app, List<Path> roots, boolean prune, boolean noVectors, PrintWriter err) {
        this.app = app;
        this.roots = roots;
        this.prune = prune;
        this.noVectors = noVectors;
        this.err = err;
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
        IngestListener bar = System.console() != null ? new ProgressBar(err) : IngestListener.NONE;
        CorpusIngest.Result result;
        try {
            result = ingest.run(roots, app.indexDir, prune, bar);
        } catch (java.io.IOException e) {
            err.println("newsdesk: ingest failed: " + e.getMessage());
            // Not "unchanged since the last completed ingest": a long run commits every 20 s, and those commits stay.
            err.println("newsdesk: the index at " + app.indexDir + " keeps what its last commit holds; fix the problem and "
                    + "run ingest again (articles already indexed are skipped)");
            return Main.EXIT_ERROR;
        }
        for (CorpusIngest.Failure f : result.failures()) {
            err.println((f.incomplete() ? "incomplete " : "skipped ") + f.path() + ": " + f.reason());
        }
        err.println(result.summary().line());
        resultSink.accept(result);
        return result.failures().isEmpty() ? 0 : Main.EXIT_PARTIAL;
    }

    /** A one-line bar redrawn in place with carriage returns; only used when stderr is a terminal. */
    static final class ProgressBar implements IngestListener {
        private final PrintWriter err;
        private long last;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(int done, int total, int passages) {
            long now = System.nanoTime();
            if (done < total && now - last < 100_000_000L) return;
            last = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            err.printf("\r[%s%s] %d/%d articles, %d passages", "#".repeat(filled), " ".repeat(width - filled), done, total, passages);
            if (done >= total) err.println();
            err.flush();
        }
    }
}
