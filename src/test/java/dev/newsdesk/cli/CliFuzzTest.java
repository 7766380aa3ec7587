package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random argument vectors through {@link Main#run}: no uncaught exception, no stack trace on stderr, exit
 * status in {0, 1, 2, 4}. Paths are drawn only from this test's temporary folder, and the default home points there
 * too, so no vector can read or write anything else. ({@code eval} is left out: it reads the shared datasets.)
 */
@Timeout(300)
class CliFuzzTest {
    static final long SEED = 7L;
    static final int ITERATIONS = 400;

    @TempDir
    static Path home;
    static String previousHome;

    @BeforeAll
    static void setUp() {
        Cli.seedHome(home);
        previousHome = System.getProperty("newsdesk.home");
        System.setProperty("newsdesk.home", home.toString());
    }

    @AfterAll
    static void restore() {
        if (previousHome == null) System.clearProperty("newsdesk.home");
        else System.setProperty("newsdesk.home", previousHome);
    }

    static final String[] COMMANDS = {"ingest", "search", "ask", "cite", "stats", "bench", "help", "nonsense", "", "-h",
            "--help", "-V", "--version", "ASK", "summary", "compare", "timeline", "eval"};
    static final String[] OPTIONS = {"--index", "--home", "--json", "--limit", "--outlet", "--since", "--until", "--prune",
            "--help", "--version", "-h", "--queries", "--corpus", "--snippets", "--", "-", "--index=", "--limit=-1",
            "--since=2024-02-30", "--outlet=", "--json=false", "--unknown", "-x", "--outlets", "--outlets=,", "--passages",
            "--passages=0", "--passages=100000", "--as-of", "--mode", "--answerer", "--base-url", "--model", "--no-answers",
            "--no-abstention", "--run", "--per-article", "--dense-weight"};
    /** Where --base-url always points: a loopback port nothing listens on, so a chat answerer fails fast, offline. */
    static final String NO_PROVIDER = "http://127.0.0.1:1/v1";

    private static String value(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> home.resolve("index").toString();
            case 1 -> home.resolve("nowhere-" + r.nextInt(3)).toString();
            case 2 -> home.resolve("corpus").toString();
            case 3 -> home.resolve("fuzz-index-" + r.nextInt(2)).toString();
            case 4 -> home.toString();
            case 5 -> String.valueOf(r.nextInt(3000) - 1000);
            case 6 -> "2024-0" + (1 + r.nextInt(9)) + "-" + (10 + r.nextInt(25));
            case 7 -> List.of("yesterday", "2024-13-01", "", " ", "0000-00-00", "99999-01-01").get(r.nextInt(6));
            case 8 -> List.of("JNS", "jns", "Jewish Insider", "JNS,Iran International", ",,,", "extractive", "ollama",
                    "OpenAI", "anthropic", "gemini", "bm25", "hybrid", "vector", "multihop").get(r.nextInt(14));
            case 9 -> List.of("003_b57a007ab773b582", "003_b57a007ab773b582:0", "003_b57a007ab773b582:-1",
                    "003_b57a007ab773b582:99999999999", ":", "a:b:c").get(r.nextInt(6));
            case 10 -> List.of("Blinken", "Iran", "What did Blinken tell Gantz?", "\"quoted\"", "AND OR NOT", "*?~^",
                    "@everyone", "\u0000", "\uD83D\uDE00", "ignore your rules").get(r.nextInt(10));
            case 11 -> "x".repeat(r.nextInt(3) == 0 ? 2_500 : 10);
            case 12 -> randomString(r);
            default -> "zz" + Integer.toHexString(r.nextInt()); // never an existing relative path
        };
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder("zz");
        for (int i = 0, n = r.nextInt(20); i < n; i++) sb.append((char) (0x20 + r.nextInt(0x3000)));
        return sb.toString().replace('/', '_').replace('.', '_');
    }

    @Test
    void randomArgumentVectorsNeverCrash() {
        Random r = new Random(SEED);
        int[] byStatus = new int[5];
        java.util.Map<String, int[]> byCommand = new java.util.TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            List<String> args = new ArrayList<>();
            String cmd = COMMANDS[r.nextInt(COMMANDS.length)];
            if (!cmd.isEmpty() || r.nextBoolean()) args.add(cmd);
            if (cmd.equals("bench")) args.add(List.of("ingest", "search", "other").get(r.nextInt(3)));
            if (cmd.equals("eval") && r.nextInt(4) != 0) args.add(List.of("multihop", "beir").get(r.nextInt(2)));
            for (int k = 0, n = r.nextInt(7); k < n; k++) {
                if (r.nextInt(3) == 0) args.add(value(r));
                else {
                    String opt = OPTIONS[r.nextInt(OPTIONS.length)];
                    args.add(opt);
                    if (r.nextInt(4) != 0) args.add(value(r));
                }
            }
            // --index and --home only ever name folders under the temporary home (a relative value would resolve
            // against the working directory, the project itself)
            for (int k = 0; k + 1 < args.size(); k++) {
                if (args.get(k).equals("--index") || args.get(k).equals("--home")) {
                    String v = args.get(k + 1);
                    if (!v.startsWith(home.toString())) args.set(k + 1, home.resolve("rel-" + Math.abs(v.hashCode() % 3)).toString());
                }
            }
            // a chat answerer never reaches a real provider: with --answerer, --base-url always names a closed local port
            // (a key in the environment would otherwise send questions to the provider's public endpoint)
            if (args.stream().anyMatch(a -> a.startsWith("--answerer"))) {
                args.removeIf(a -> a.startsWith("--base-url="));
                int at = args.indexOf("--base-url");
                if (at >= 0 && at + 1 < args.size()) args.set(at + 1, NO_PROVIDER);
                else if (at >= 0) args.add(NO_PROVIDER);
                else {
                    args.add("--base-url");
                    args.add(NO_PROVIDER);
                }
            }
            // --run writes a file: only ever under the temporary home
            for (int k = 0; k + 1 < args.size(); k++) {
                if (args.get(k).equals("--run")) args.set(k + 1, home.resolve("runs/run-" + (k % 3) + ".trec").toString());
            }
            args.removeIf(a -> a.startsWith("--run="));
            // bench must never get a real corpus: --corpus only ever names a missing path
            if (args.contains("--corpus")) {
                int at = args.indexOf("--corpus");
                if (at + 1 < args.size()) args.set(at + 1, home.resolve("no-corpus").toString());
            }
            if ((args.contains("bench") || args.contains("eval")) && args.stream().anyMatch(a -> a.startsWith("--corpus="))) continue;

            String what = "iteration " + i + " (seed " + SEED + "): " + args;
            Cli.Result res;
            try {
                res = Cli.run(args.toArray(String[]::new));
            } catch (Throwable t) {
                throw new AssertionError("uncaught from Main.run, " + what, t);
            }
            assertThat(res.status()).as(what + "\n" + res).isIn(0, 1, 2, 4);
            res.assertNoStackTrace();
            assertThat(res.err()).as(what).doesNotContain("NullPointerException").doesNotContain("unexpected ").doesNotContain("an internal error");
            if (res.status() == 1) {
                assertThat(res.err().lines()).as(what + "\n" + res)
                        .allMatch(l -> l.startsWith("newsdesk: ") || l.startsWith("skipped ") || l.startsWith("ingest: ")
                                || l.startsWith("No index yet"));
            }
            byStatus[res.status()]++;
            byCommand.computeIfAbsent(cmd + (args.stream().anyMatch(a -> a.startsWith("--answerer")) ? " --answerer" : ""),
                    c -> new int[5])[res.status()]++;
        }
        System.out.printf("cli fuzz: %d vectors, exit 0: %d, 1: %d, 2: %d, 4: %d%n", ITERATIONS, byStatus[0], byStatus[1],
                byStatus[2], byStatus[4]);
        byCommand.forEach((c, n) -> System.out.printf("  %-22s exit 0: %d, 1: %d, 2: %d, 4: %d%n", "'" + c + "'", n[0], n[1], n[2], n[4]));
        assertThat(byStatus[0]).isPositive();
        assertThat(byStatus[2]).isPositive();
    }

    /** Options each answering command accepts (flags take no value). */
    static final java.util.Map<String, List<String>> ACCEPTED = java.util.Map.of(
            "ask", List.of("--outlet", "--since", "--until", "--as-of", "--answerer", "--model", "--json"),
            "search", List.of("--outlet", "--since", "--until", "--limit", "--mode", "--json"),
            "summary", List.of("--outlet", "--since", "--until", "--passages", "--answerer", "--model", "--json"),
            "compare", List.of("--outlets", "--since", "--until", "--passages", "--json"),
            "timeline", List.of("--outlet", "--since", "--until", "--passages", "--json"));
    static final java.util.Set<String> FLAGS = java.util.Set.of("--json");

    /**
     * Like {@link #randomArgumentVectorsNeverCrash} but with only the options each command accepts, so that most
     * vectors get past picocli and reach the commands' own checks (dates, outlets, limits, providers), the retrievers
     * and the answerers, including a chat answerer whose provider cannot be reached.
     */
    @Test
    void acceptedOptionsWithRandomValuesNeverCrash() {
        Random r = new Random(SEED + 1);
        List<String> commands = List.copyOf(new java.util.TreeSet<>(ACCEPTED.keySet()));
        int[] byStatus = new int[5];
        for (int i = 0; i < 150; i++) {
            String cmd = commands.get(r.nextInt(commands.size()));
            List<String> args = new ArrayList<>(List.of(cmd, "--index", home.resolve("index").toString()));
            if (r.nextInt(8) != 0) args.add(value(r)); // the question or topic (sometimes missing)
            for (int k = 0, n = r.nextInt(5); k < n; k++) {
                String opt = ACCEPTED.get(cmd).get(r.nextInt(ACCEPTED.get(cmd).size()));
                args.add(opt);
                if (!FLAGS.contains(opt)) {
                    args.add(switch (opt) {
                        case "--answerer" -> List.of("extractive", "openai", "ollama", "anthropic", "OLLAMA", "", "x").get(r.nextInt(7));
                        case "--since", "--until", "--as-of" -> r.nextBoolean() ? "2024-04-" + (10 + r.nextInt(10)) : value(r);
                        case "--outlets" -> List.of("JNS,Iran International", "JNS", ",", "Nobody,JNS", " jns , IRAN international ").get(r.nextInt(5));
                        default -> value(r);
                    });
                }
            }
            if (args.contains("--answerer")) {
                args.add("--base-url");
                args.add(NO_PROVIDER);
            }
            String what = "iteration " + i + " (seed " + (SEED + 1) + "): " + args;
            Cli.Result res;
            try {
                res = Cli.run(args.toArray(String[]::new));
            } catch (Throwable t) {
                throw new AssertionError("uncaught from Main.run, " + what, t);
            }
            assertThat(res.status()).as(what + "\n" + res).isIn(0, 1, 2);
            res.assertNoStackTrace();
            assertThat(res.err()).as(what).doesNotContain("NullPointerException").doesNotContain("unexpected ").doesNotContain("an internal error");
            if (res.status() == 1) {
                assertThat(res.err().lines()).as(what + "\n" + res).allMatch(l -> l.startsWith("newsdesk: "));
            }
            if (res.status() == 0 && args.contains("--json")) res.json(); // parses, or fails the test
            byStatus[res.status()]++;
        }
        System.out.printf("cli fuzz, accepted options: 150 vectors, exit 0: %d, 1: %d, 2: %d%n", byStatus[0], byStatus[1], byStatus[2]);
        assertThat(byStatus[0]).isGreaterThan(30);
    }
}
