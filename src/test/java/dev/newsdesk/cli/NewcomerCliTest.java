package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a newcomer trips on first (issue 19, item 6): help without arguments, sizes in KB, plain abstention. */
@Timeout(60)
class NewcomerCliTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void ingestSeed() {
        Cli.seedHome(home);
    }

    /** Every subcommand, read from the command tree itself so a new one is covered without editing this test. */
    static List<String> subcommands() {
        return new picocli.CommandLine(new Main()).getSubcommands().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpWorksWithoutTheRequiredArguments(String command) {
        for (String flag : List.of("--help", "-h")) {
            Cli.Result r = Cli.run(command, flag).assertNoStackTrace();
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).as(r.toString()).contains("Usage: newsdesk " + command);
            assertThat(r.err()).as(r.toString()).doesNotContain("Missing required");
        }
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Exit status:").contains("2   usage error").contains("4   done, but some inputs were skipped");
    }

    @Test
    void completionScriptsNameEverySubcommand() throws Exception {
        for (String shell : List.of("bash", "zsh")) {
            Cli.Result r = Cli.run("completion", shell);
            assertThat(r.status()).as(r.toString()).isZero();
            for (String c : subcommands()) assertThat(r.out()).as(shell).contains(c);
            // the script must parse in bash (zsh loads it through bashcompinit)
            Path script = java.nio.file.Files.writeString(home.resolve("completion-" + shell + ".sh"), r.out());
            Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        Cli.Result bad = Cli.run("completion", "fish");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("fish").doesNotContain("Exception");
    }

    @Test
    void statsShowsASmallIndexInKilobytes() {
        Cli.Result r = Cli.run("stats", "--home", home.toString(), "--index", home.resolve("index").toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).containsPattern("\\d+\\.\\d KB on disk").doesNotContain("0.0 MB");
        assertThat(StatsCommand.size(999)).isEqualTo("1.0 KB");
        assertThat(StatsCommand.size(2_500_000)).isEqualTo("2.5 MB");
    }

    @Test
    void abstentionNamesTheQuestionsWordsTheCoverageLacks() {
        Cli.Result r = Cli.run("ask", "Who won the 2022 World Cup final?", "--home", home.toString(),
                "--index", home.resolve("index").toString()).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("the word “Cup” from your question appears in no indexed article");
    }
}
