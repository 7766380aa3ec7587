package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainLinesComeAtMostEveryIntervalWithCountsRateAndTimeLeft() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong();
        try (Progress p = new PlainProgress(new PrintWriter(sw), "ingest", "articles", now::get, 5 * SECOND)) {
            now.set(2 * SECOND);
            p.update(100, 1000, "400 passages");   // too soon: nothing
            now.set(5 * SECOND);
            p.update(250, 1000, "1,000 passages");
            now.set(7 * SECOND);
            p.update(300, 1000, null);             // 2 s after the last line: nothing
            now.set(10 * SECOND);
            p.update(500, 1000, null);
            now.set(30 * SECOND);
            p.update(1000, 1000, null);            // the end: the summary line follows, no "100%" line
        }
        assertThat(sw.toString().lines().toList()).containsExactly(
                "ingest: 250 of 1,000 articles (25%), 50.0 articles/s, about 15 s left, 1,000 passages",
                "ingest: 500 of 1,000 articles (50%), 50.0 articles/s, about 10 s left");
        assertThat(sw.toString()).doesNotContain("\r");
    }

    @Test
    void longTimesLeftReadInMinutesAndHours() {
        assertThat(PlainProgress.duration(59.4)).isEqualTo("59 s");
        assertThat(PlainProgress.duration(125)).isEqualTo("2 min 5 s");
        assertThat(PlainProgress.duration(7260)).isEqualTo("2 h 1 min");
    }

    @Test
    void quietShowsNothingAndLinesModeWritesWholeLines(@TempDir Path dir) throws Exception {
        Cli.seedHome(dir);
        StringWriter quiet = new StringWriter();
        Progress.Output none = Progress.Output.of(new PrintWriter(quiet), true);
        assertThat(none.mode()).isEqualTo(Progress.Output.Mode.NONE);
        none.ingest(none.open("ingest", "articles")).progress(1, 5, 3);
        assertThat(quiet.toString()).isEmpty();

        // a clock that jumps 10 s at every look: each article report is due a line
        AtomicLong t = new AtomicLong();
        LongSupplier clock = () -> t.addAndGet(10 * SECOND);
        StringWriter err = new StringWriter();
        Progress.Output lines = new Progress.Output(new PrintWriter(err, true), Progress.Output.Mode.LINES, clock);
        try (App app = App.create(common(dir))) {
            int status = new IngestRun(app, java.util.List.of(dir.resolve("corpus")), false, true, new PrintWriter(err, true))
                    .progress(lines).call();
            assertThat(status).isZero();
        }
        assertThat(err.toString()).containsPattern("(?m)^ingest: \\d+ of 5 articles \\(\\d+%\\)(, [\\d.]+ articles/s, about \\d+ s left)?, [\\d,]+ passages$")
                .doesNotContain("\r");
    }

    @Test
    void ingestQuietPrintsOnlyTheSummaryLine(@TempDir Path dir) {
        Path home = Cli.seedHome(dir);
        var quiet = Cli.run("ingest", "--quiet", "--no-vectors", "--home", home.toString(), "--index", dir.resolve("q").toString(),
                home.resolve("corpus").toString());
        assertThat(quiet.status()).as(quiet.toString()).isZero();
        assertThat(quiet.err().lines().toList()).as(quiet.toString()).hasSize(1);
        assertThat(quiet.out()).isEmpty();
    }

    private static CommonOptions common(Path home) {
        CommonOptions c = new CommonOptions();
        c.home = home;
        c.index = home.resolve("lines-index");
        return c;
    }
}
