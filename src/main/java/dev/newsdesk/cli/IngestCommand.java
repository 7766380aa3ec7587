package dev.newsdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", description = {
        "Read articles (.md .txt .json .jsonl .html, and .gz of these), clean them and index their passages.",
        "Incremental: new articles are added, changed ones replaced, unchanged ones skipped.",
        "Exit status 4 means the index was updated but some inputs were skipped (each is listed)."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: corpus.dirs from config/, corpus/).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    ProgressOptions progress;

    @Option(names = "--prune", description = "Remove indexed articles whose files are gone.")
    boolean prune;

    @Option(names = "--no-vectors", description = "BM25 only: skip passage embeddings (for corpora too large to embed here).")
    boolean noVectors;

    @Option(names = "--outlet", paramLabel = "NAME",
            description = "Outlet of articles whose files name none (e.g. BBC); without it they show the URL's host or \"unknown\".")
    String outlet;

    @Override
    public Integer call() throws Exception {
        try (App app = App.create(common)) {
            List<Path> roots = paths.isEmpty() ? app.config.corpusDirs() : paths;
            if (outlet != null && outlet.isBlank()) {
                throw new IllegalArgumentException("--outlet is empty; give the outlet name, e.g. --outlet BBC");
            }
            return new IngestRun(app, roots, prune, noVectors, common.err()).outlet(outlet).progress(progress.output(common.err())).call();
        }
    }
}
