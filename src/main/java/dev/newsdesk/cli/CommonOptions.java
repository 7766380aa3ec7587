package dev.newsdesk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the index is, and where the project's config lives. */
final class CommonOptions {
    @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index.dir from config/, data/index).")
    Path index;

    @Option(names = "--home", paramLabel = "DIR", hidden = true,
            description = "Project root holding config/, corpus/, prompts/ (default: the launcher's directory or the working directory).")
    Path home;
}
