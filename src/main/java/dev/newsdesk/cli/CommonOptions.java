package dev.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command shares: where the index is, and where the project's config lives; and its two streams. */
final class CommonOptions {
    @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index.dir from config/, data/index).")
    Path index;

    @Option(names = "--home", paramLabel = "DIR", hidden = true,
            description = "Project root holding config/, corpus/, prompts/ (default: the launcher's directory or the working directory).")
    Path home;

    /** The command this mixin is part of: its writers are the ones tests and Main configure. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Where results go (--json or text). */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Where progress, warnings and errors go; never into --json output. */
    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
