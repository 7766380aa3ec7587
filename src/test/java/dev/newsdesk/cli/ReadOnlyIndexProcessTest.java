package dev.newsdesk.cli;

import static dev.newsdesk.index.IndexAssertions.articleIds;
import static dev.newsdesk.index.IndexAssertions.assertCheckIndexClean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsdesk.index.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsdesk ingest} into an index directory the process may not write (mode r-x), as a real child process.
 * Root ignores permission bits, so when the tests run as root the child is started through {@code setpriv} without
 * the capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER): it is still root, owns the
 * files, and gets "permission denied" as any user would. The ingest must fail with one line per message naming the
 * index, and leave the index searchable with what it held.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadOnlyIndexProcessTest {
    @TempDir
    Path home;

    static boolean isRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return uid.equals("0");
    }

    static Path setpriv() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, "setpriv");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /**
     * Runs {@code newsdesk ingest CORPUS --index INDEX} in a child JVM that permission bits apply to (through setpriv
     * when the tests run as root), waits for it, and returns it; its output goes to {@code log}.
     */
    private Process ingestWithoutPermissionBypass(Path corpus, Path index, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            Path setpriv = setpriv();
            assumeTrue(setpriv != null, "running as root without setpriv: permission bits cannot apply to the child");
            command.addAll(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search,-fowner"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.addAll(List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                "dev.newsdesk.cli.Main", "ingest", corpus.toString(), "--index", index.toString(), "--home", home.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("ingest finished").isTrue();
        return p;
    }

    @Test
    void ingestIntoAReadOnlyIndexDirectoryFailsWithAMessageAndKeepsTheIndex() throws Exception {
        Cli.seedHome(home);
        Path index = home.resolve("index");
        Path more = Files.createDirectories(home.resolve("more"));
        TestCorpus.writeArticle(more, "late", "Late Wire", LocalDate.of(2024, 4, 20), 42);
        var before = Files.getPosixFilePermissions(index);
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
        Process p;
        Path log = home.resolve("ingest.log");
        try {
            p = ingestWithoutPermissionBypass(more, index, log);
        } finally {
            Files.setPosixFilePermissions(index, before);
        }
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isEqualTo(Main.EXIT_ERROR);
        List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(lines).as(out).isNotEmpty().allMatch(l -> l.startsWith("newsdesk: "));
        assertThat(out).contains("'" + index + "'").contains("last commit").doesNotContain("\tat ").doesNotContain("Exception");

        // nothing changed: the seed articles, searchable, and a clean index
        assertThat(articleIds(index)).hasSize(5).doesNotContain("late");
        Cli.Result r = Cli.run("search", "Blinken Jewish leaders", "--index", index.toString(), "--home", home.toString(), "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json().path("hits")).isNotEmpty();
        assertCheckIndexClean(index);
    }

    /**
     * An unreadable corpus file (mode 000), read by a real child process that permissions apply to: it is reported
     * with its path and the reason, skipped, the readable article is indexed, and the exit status says something
     * was skipped. (CorpusReaderTest's in-process version skips as root.)
     */
    @Test
    void anUnreadableCorpusFileIsReportedAndTheRestIndexed() throws Exception {
        Cli.seedHome(home);
        Path index = home.resolve("index");
        Path more = Files.createDirectories(home.resolve("more"));
        TestCorpus.writeArticle(more, "readable", "Open Wire", LocalDate.of(2024, 4, 21), 7);
        Path locked = TestCorpus.writeArticle(more, "locked", "Closed Wire", LocalDate.of(2024, 4, 22), 8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Process p;
        Path log = home.resolve("ingest-unreadable.log");
        try {
            p = ingestWithoutPermissionBypass(more, index, log);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(out).contains(locked.toString()).contains("permission denied").doesNotContain("\tat ");
        assertThat(articleIds(index)).contains("readable").doesNotContain("locked");
        assertCheckIndexClean(index);
    }
}
