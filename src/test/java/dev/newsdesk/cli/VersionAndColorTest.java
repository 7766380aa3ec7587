package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionAndColorTest {
    @Test
    void versionNamesTheBuildAndItsCommit() {
        var r = Cli.run("--version");
        assertThat(r.status()).isZero();
        // the build filters the version resource: a real version and a commit (or "unknown" outside a git checkout)
        assertThat(r.out()).containsPattern("^newsdesk \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}|unknown)\\)\\R")
                .doesNotContain("${").contains("java " + Runtime.version().feature());
    }

    @Test
    void unfilledValuesReadUnknown() {
        assertThat(VersionProvider.line("${project.version}", "${git.commit}")).isEqualTo("newsdesk unknown (commit unknown)");
        assertThat(VersionProvider.line("1.2.0", null)).isEqualTo("newsdesk 1.2.0 (commit unknown)");
        assertThat(VersionProvider.line("1.2.0", "abc1234def")).isEqualTo("newsdesk 1.2.0 (commit abc1234def)");
    }

    @Test
    void noColorTurnsColoursOffEvenWhereTheyWouldBeOn() {
        assertThat(Main.ansi(Map.of("NO_COLOR", "1"))).isEqualTo(CommandLine.Help.Ansi.OFF);
        assertThat(Main.ansi(Map.of("NO_COLOR", ""))).as("no-color.org: an empty value does not count").isEqualTo(CommandLine.Help.Ansi.AUTO);
        assertThat(Main.ansi(Map.of())).isEqualTo(CommandLine.Help.Ansi.AUTO);
        // picocli.ansi=true stands in for a terminal: AUTO then colours, NO_COLOR must still win
        String before = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            assertThat(help(Map.of())).as("colours on a 'terminal'").contains("\u001B[");
            assertThat(help(Map.of("NO_COLOR", "1"))).doesNotContain("\u001B[").contains("Usage: newsdesk ask");
        } finally {
            if (before == null) System.clearProperty("picocli.ansi");
            else System.setProperty("picocli.ansi", before);
        }
    }

    private static String help(Map<String, String> env) {
        StringWriter out = new StringWriter();
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(new StringWriter())) {
            assertThat(Main.run(new String[] {"ask", "--help"}, o, e, env)).isZero();
        }
        return out.toString();
    }
}
