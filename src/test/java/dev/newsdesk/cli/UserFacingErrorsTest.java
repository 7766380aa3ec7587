package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every user-facing error of the command line (issue 19, item 2), run for real: each says what is wrong and what to
 * do, and none shows a Java class name or a stack trace. A new error goes in {@link #errors()}.
 */
@Timeout(120)
class UserFacingErrorsTest {
    /** What a user must never read: Java's own words. */
    static void assertReadable(String what, String text) {
        assertThat(text).as(what).doesNotContain("Exception").doesNotContain("java.").doesNotContain("dev.newsdesk")
                .doesNotContain("\tat ").doesNotContain("Caused by").doesNotContainPattern("(?m)^\\s*at [a-z]+\\.[\\w.$]+\\(")
                .doesNotContainPattern("\\bclass [a-z]+\\.");
    }

    @TempDir
    static Path home;
    static String index;
    static Path corrupt;

    @BeforeAll
    static void seed() throws IOException {
        Cli.seedHome(home);
        index = home.resolve("index").toString();
        corrupt = Files.createDirectories(home.resolve("corrupt"));
        try (Stream<Path> files = Files.list(Path.of(index))) {
            for (Path f : files.toList()) Files.copy(f, corrupt.resolve(f.getFileName()));
        }
        try (Stream<Path> files = Files.list(corrupt)) {
            Path segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
            Files.write(segments, "not a commit point".getBytes());
        }
    }

    /** argv (the index and home are added), the exit status, and words the message must contain. */
    static Stream<Arguments> errors() {
        return Stream.of(
                err(2, "--since 2024-99-99 is not a date; use YYYY-MM-DD (e.g. 2024-04-16)", "ask", "--since", "2024-99-99", "x"),
                err(2, "--until yesterday is not a date; use YYYY-MM-DD", "search", "--until", "yesterday", "x"),
                err(2, "--as-of 2024-02-30 is not a date", "ask", "--as-of", "2024-02-30", "x"),
                err(2, "--since 2024-05-01 is after --until 2024-01-01; swap them", "ask", "--since", "2024-05-01", "--until", "2024-01-01", "x"),
                err(2, "--limit abc is not a whole number", "search", "--limit", "abc", "x"),
                err(2, "limit 0 is outside 1..1000", "search", "--limit", "0", "x"),
                err(2, "--limit ten is not a whole number", "history", "--limit", "ten"),
                err(2, "--dense-weight high is not a number", "bench", "search", "--corpus", "c", "--dense-weight", "high"),
                err(2, "--queries lots is not a whole number", "bench", "search", "--corpus", "c", "--queries", "lots"),
                err(2, "--folds five is not a whole number", "eval", "multihop", "--corpus", "c", "--queries", "q", "--folds", "five"),
                err(2, "--index bad?name is not a usable file name", "stats", "--index", "bad\u0000name"),
                err(2, "--outlet \"JSN\" is not an indexed outlet (did you mean JNS?); the index has JNS, Iran International", "ask", "--outlet", "JSN", "x"),
                err(2, "--outlet \"Nonexistent Times\" is not an indexed outlet; the index has JNS", "ask", "--outlet", "Nonexistent Times", "x"),
                err(2, "--outlet \"jewish insidr\" is not an indexed outlet (did you mean Jewish Insider?)", "search", "--outlet", "jewish insidr", "x"),
                err(2, "--outlet \"Reuters\" is not an indexed outlet", "summary", "--outlet", "Reuters", "x"),
                err(2, "--outlet \"Reuters\" is not an indexed outlet", "timeline", "--outlet", "Reuters", "x"),
                err(2, "--outlets \"Reuters\" is not an indexed outlet", "compare", "--outlets", "JNS,Reuters", "x"),
                err(2, "Did you mean: newsdesk search", "serch", "x"),
                err(2, "Unknown option: '--sinse'", "ask", "--sinse", "2024-01-01", "x"),
                err(2, "Missing required parameter: 'QUESTION'", "ask"),
                err(2, "unknown benchmark 'beir'; the one supported is: multihop", "eval", "beir", "--corpus", "c", "--queries", "q"),
                err(2, "bench takes 'ingest', 'search', 'summary' or 'answer', not 'fast'", "bench", "fast", "--corpus", "c"),
                err(1, "no article or passage with id 'no_such_article'; find ids with: newsdesk search", "cite", "no_such_article"),
                err(1, "gemini", "ask", "--answerer", "gemini", "x"));
    }

    private static Arguments err(int status, String contains, String... argv) {
        return Arguments.of(List.of(argv), status, contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void eachErrorSaysWhatToDoInPlainWords(List<String> argv, int status, String contains) {
        List<String> args = new ArrayList<>(argv);
        // bench has neither option; an explicit --index in argv comes first and wins
        if (!List.of("serch", "bench").contains(argv.getFirst()) && !argv.contains("--index")) {
            args.addAll(List.of("--index", index, "--home", home.toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.err()).as(r.toString()).contains(contains);
        assertThat(r.out()).as("errors go to stderr: " + r).isEmpty();
        assertReadable(r.toString(), r.err());
    }

    @Test
    void missingAndDamagedIndexesSayHowToRebuild() {
        for (String dir : List.of(home.resolve("no-index").toString(), corrupt.toString())) {
            for (String[] cmd : List.of(new String[] {"search", "x"}, new String[] {"ask", "x?"}, new String[] {"stats"})) {
                List<String> args = new ArrayList<>(List.of(cmd));
                args.addAll(List.of("--index", dir, "--home", home.toString()));
                Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
                assertThat(r.status()).as(r.toString()).isEqualTo(1);
                assertThat(r.err()).as(r.toString()).contains("newsdesk ingest");
                assertReadable(r.toString(), r.err());
            }
        }
    }

    /**
     * Every option of every command, given a value no converter accepts: the message names the option and the value
     * and says what is expected, never Java's type names. Also fails when an option has a type our converters miss.
     */
    @Test
    void everyTypedOptionRejectsGarbageInPlainWords() {
        CommandLine root = new CommandLine(new Main());
        int checked = 0;
        for (CommandLine sub : root.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                Class<?> type = o.auxiliaryTypes().length > 0 && o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
                assertThat(Converters.HANDLED).as("option %s of %s has a type without our converter", o.longestName(),
                        sub.getCommandName()).contains(type);
                if (type == String.class || type == boolean.class || type == Boolean.class || type == Path.class) continue;
                List<String> args = new ArrayList<>(List.of(sub.getCommandName()));
                args.addAll(List.of(o.longestName(), "zz-garbage"));
                if (sub.getCommandSpec().findOption("--home") != null) args.addAll(List.of("--home", home.toString()));
                Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
                assertThat(r.status()).as(r.toString()).isEqualTo(2);
                assertThat(r.err()).as(r.toString()).contains(o.longestName() + " zz-garbage is not a");
                assertReadable(r.toString(), r.err());
                checked++;
            }
        }
        assertThat(checked).as("typed options checked").isGreaterThan(10);
    }
}
