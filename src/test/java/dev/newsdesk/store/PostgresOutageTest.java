package dev.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL going away mid-run and coming back: answers are never held up, losses are counted, then it recovers. */
class PostgresOutageTest {
  @TempDir
  Path dir;

  /** A clock the test moves past {@link AnswerLog#RETRY}. */
  static final class Moving extends Clock {
    volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static QuestionRecord q(String text) {
    return new QuestionRecord(0, Instant.now(), QuestionRecord.Surface.CLI, null, null, null, "u1", text, "a",
        List.of(), false, "extractive", 3);
  }

  @Test
  void aDatabaseThatGoesAwayIsCountedAndRecoveredFrom() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("pg");
    StoreSettings settings = new StoreSettings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
        "postgres", dir.resolve("unused.db"), 90);
    Moving clock = new Moving();
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    try (AnswerLog log = new AnswerLog(() -> Store.open(settings), settings.describe(), clock)) {
      assertThat(log.record(q("before"))).isPresent();
      pg.close();

      assertThat(log.record(q("during 1"))).isEmpty();
      assertThat(log.status()).isNotEqualTo("ok");
      long start = System.nanoTime();
      // within the retry period the database is not asked again: no time-out to wait for
      assertThat(log.record(q("during 2"))).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(log.unrecorded()).isEqualTo(2);
      assertThat(log.insights(java.time.LocalDate.now(), java.time.LocalDate.now()).store()).startsWith("unavailable");
      assertThat(log.inThread("t")).isEmpty();

      pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
      clock.now = clock.now.plus(AnswerLog.RETRY).plusSeconds(1);
      var after = log.record(q("after"));
      assertThat(after).as(log.status()).isPresent();
      assertThat(log.status()).isEqualTo("ok");
      try (Store s = Store.open(settings)) {
        assertThat(s.questions().recent(10)).extracting(QuestionRecord::question).containsExactly("after", "before");
      }
    } finally {
      pg.close();
    }
  }
}
