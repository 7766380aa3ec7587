package dev.newsdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --quiet} for the commands that show progress (ingest, eval, bench). */
final class ProgressOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress output (warnings, errors and the summary still go to stderr).")
    boolean quiet;

    Progress.Output output(PrintWriter err) {
        return Progress.Output.of(err, quiet);
    }
}
