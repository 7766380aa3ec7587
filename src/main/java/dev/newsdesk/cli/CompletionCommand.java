package dev.newsdesk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a shell completion script generated from the command tree itself (picocli's AutoComplete), so it never
 * falls behind the commands. picocli's script runs in zsh too (through bashcompinit, which it loads itself).
 */
@Command(name = "completion", description = {"Print a shell completion script.",
        "  bash: source <(newsdesk completion bash)     (or save it under /etc/bash_completion.d/)",
        "  zsh:  source <(newsdesk completion zsh)      (in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("newsdesk", spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
