package dev.newsdesk.cli;

import static dev.newsdesk.index.IndexAssertions.articleIds;
import static dev.newsdesk.index.IndexAssertions.assertCheckIndexClean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.TestCorpus;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a real {@code newsdesk ingest} process at several moments: every time the index still opens, holds the
 * previously committed articles (whole, with all their passages), passes Lucene's CheckIndex, and the next run (which
 * meets the dead process's write.lock file) completes.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KillMidIngestTest {
    static final int BIG = 20_000;

    @TempDir
    Path tmp;

    private Process startIngest(Path corpus, Path index, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire may put a manifest-only booter jar on java.class.path; its own property holds the real path
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of(java, "-Xmx1g", "-cp", cp, "dev.newsdesk.cli.Main", "ingest", corpus.toString(),
                "--index", index.toString(), "--home", tmp.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Kills the child at {@code delayMs} after start (or when it already ended); returns whether it was still running. */
    private static boolean killAfter(Process p, long delayMs) throws InterruptedException {
        if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) return false;
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("killed process ends").isTrue();
        return true;
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of(); // a file vanished while listing
        }
    }

    private static void assertSoundAndHolds(Path index, Set<String> committed) throws IOException {
        List<String> ids = articleIds(index);
        assertThat(ids).containsAll(committed);
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            Catalog catalog = new LuceneCatalog(idx);
            // every article in the index is whole: its passage count matches the passages present
            for (String id : ids.size() > 500 ? ids.subList(0, 500) : ids) {
                int expected = catalog.article(id).orElseThrow().passages();
                assertThat(catalog.passagesOf(id)).as(id).hasSize(expected);
            }
            assertThat(catalog.stats().articles()).isEqualTo(ids.size());
            List<Hit> hits = new Bm25Retriever(idx, true).search(new SearchRequest(TestCorpus.body(3, 8), null, 3));
            assertThat(hits).isNotEmpty();
            assertThat(hits.getFirst().articleId()).isEqualTo("small3");
        }
        assertCheckIndexClean(index);
    }

    @Test
    void killedIngestLeavesTheLastCommitSearchableAndTheNextRunCompletes() throws Exception {
        Path small = tmp.resolve("small");
        Set<String> committed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            TestCorpus.writeArticle(small, "small" + i, "Small Outlet", LocalDate.of(2022, 1, 1 + i), i);
            committed.add("small" + i);
        }
        Path index = tmp.resolve("index");
        Cli.Result first = Cli.run("ingest", small.toString(), "--index", index.toString(), "--home", tmp.toString());
        assertThat(first.status()).as(first.toString()).isZero();

        Path big = TestCorpus.writeJsonl(tmp.resolve("big/articles.jsonl"), BIG, 6);
        List<String> report = new ArrayList<>();
        int n = 0;
        for (long delay : new long[] {300, 1_000, 2_000, 4_000}) {
            Path log = tmp.resolve("ingest-" + n++ + ".log");
            Process p = startIngest(big, index, log);
            boolean killed = killAfter(p, delay);
            report.add(delay + " ms: " + (killed ? "killed" : "finished with exit " + p.exitValue()));
            if (!killed) {
                assertThat(p.exitValue()).as(Files.readString(log)).isZero();
            }
            assertThat(Files.readString(log)).doesNotContain("Exception");
            assertSoundAndHolds(index, committed);
            int now = articleIds(index).size();
            report.add("  index holds " + now + " articles");
        }
        // and once more the moment Lucene starts writing segment files (the flush inside the final commit)
        Set<String> before = new HashSet<>(listNames(index));
        Process p = startIngest(big, index, tmp.resolve("ingest-flush.log"));
        String seen = null;
        while (p.isAlive() && seen == null) {
            seen = listNames(index).stream().filter(f -> !before.contains(f) && !f.equals("write.lock")).findFirst().orElse(null);
            if (seen == null) Thread.sleep(2);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        report.add("at first new file " + seen + ": " + (p.exitValue() == 0 ? "finished" : "killed"));
        assertSoundAndHolds(index, committed);
        report.add("  index holds " + articleIds(index).size() + " articles");
        System.out.println("kill-mid-ingest: " + String.join("; ", report));

        // a normal run after the kills (it meets the dead writer's write.lock file) completes and holds everything
        assertThat(index.resolve("write.lock")).exists();
        Cli.Result done = Cli.run("ingest", big.toString(), "--index", index.toString(), "--home", tmp.toString())
                .assertNoStackTrace();
        assertThat(done.status()).as(done.toString()).isZero();
        List<String> ids = articleIds(index);
        assertThat(ids).hasSize(BIG + 5).containsAll(committed).contains("big-0", "big-" + (BIG - 1));
        assertSoundAndHolds(index, committed);
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            List<Hit> hits = new Bm25Retriever(idx, false).search(
                    new SearchRequest(TestCorpus.body(1_000_000L + 12_345, 6), null, 1));
            assertThat(hits.getFirst().articleId()).isEqualTo("big-12345");
        }
        // and a re-run is a no-op
        Cli.Result again = Cli.run("ingest", big.toString(), small.toString(), "--index", index.toString(),
                "--home", tmp.toString());
        assertThat(again.err()).contains("0 added, 0 updated, " + (BIG + 5) + " unchanged");
    }
}
