package dev.newsdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What storing costs, printed, not asserted: the write of one answered question (as the bot records it: three
 * citations with their passage text) on SQLite and on a real PostgreSQL, p50/p95 over {@value #WRITES} writes; then
 * insights over {@value #ROWS} stored questions. Run:
 * {@code mvn -B -o test -Dsurefire.excludedGroups= -Dtest=StoreBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("load")
class StoreBench {
  static final int WRITES = Integer.getInteger("store.writes", 2_000);
  static final int ROWS = Integer.getInteger("store.rows", 1_000_000);
  static final String[] WORDS = ("rates inflation election gaza iran israel blinken bank court trial crypto storm"
      + " football tariffs budget strike vaccine climate oil ukraine").split(" ");

  @TempDir
  Path dir;

  private static QuestionRecord question(Random r, Instant at, int i) {
    List<StoredCitation> cited = new ArrayList<>();
    String passage = "The central bank raised interest rates by half a point on Tuesday, its third rise this year. ".repeat(8);
    for (int n = 1; n <= 3; n++) {
      cited.add(new StoredCitation(n, "a" + i, "a" + i + ":" + n, "Reuters", "Rates rise again", "2024-03-05",
          "https://example.com/" + i, "The central bank raised interest rates by half a point on Tuesday.", passage));
    }
    boolean abstained = r.nextInt(5) == 0;
    String q = "What about " + WORDS[r.nextInt(WORDS.length)] + " and " + WORDS[r.nextInt(WORDS.length)] + " #" + i + "?";
    return new QuestionRecord(0, at, QuestionRecord.Surface.DISCORD, "g", "c" + r.nextInt(5), null, "u" + r.nextInt(500), q,
        abstained ? "" : "The bank raised rates. [1]", abstained ? List.of() : cited, abstained, "extractive",
        50 + r.nextInt(400));
  }

  private void bench(String name, Store store) throws Exception {
    Random r = new Random(7);
    Instant start = Instant.parse("2026-09-01T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      store.questions().record(question(r, start, i)); // warm-up
    }
    long[] ns = new long[WRITES];
    for (int i = 0; i < WRITES; i++) {
      QuestionRecord q = question(r, start.plusSeconds(i), i);
      long t = System.nanoTime();
      store.questions().record(q);
      ns[i] = System.nanoTime() - t;
    }
    Arrays.sort(ns);
    System.out.printf("%s: record one answered question: p50 %.2f ms, p95 %.2f ms (%d writes)%n", name,
        ns[WRITES / 2] / 1e6, ns[(int) (WRITES * 0.95)] / 1e6, WRITES);

    long loadStart = System.nanoTime();
    int have = WRITES + 200;
    // bulk-load the rest in batches (a year of a busy community), spread over 90 days
    try (Connection c = store.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement("INSERT INTO questions (asked_at, surface, guild_id, channel_id, thread_id,"
             + " user_id, question, answer, citations, abstained, answerer, latency_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      c.setAutoCommit(false);
      long span = 90L * 86_400_000L;
      for (int i = have; i < ROWS; i++) {
        boolean abstained = r.nextInt(5) == 0;
        ps.setLong(1, start.toEpochMilli() + (long) (r.nextDouble() * span));
        ps.setString(2, "DISCORD");
        ps.setString(3, "g");
        ps.setString(4, "c" + r.nextInt(5));
        ps.setNull(5, java.sql.Types.VARCHAR);
        ps.setString(6, "u" + r.nextInt(5000));
        ps.setString(7, "What about " + WORDS[r.nextInt(WORDS.length)] + " and " + WORDS[r.nextInt(WORDS.length)] + "?");
        ps.setString(8, abstained ? "" : "The bank raised rates. [1]");
        ps.setString(9, "[]");
        ps.setBoolean(10, abstained);
        ps.setString(11, "extractive");
        ps.setLong(12, 50 + r.nextInt(400));
        ps.addBatch();
        if (i % 5_000 == 0) {
          ps.executeBatch();
          c.commit();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    System.out.printf("%s: bulk-loaded to %,d questions in %.1f s%n", name, ROWS, (System.nanoTime() - loadStart) / 1e9);
    LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
    LocalDate to = from.plusDays(89);
    store.insights(from, to); // warm-up
    long[] runs = new long[3];
    Insights in = null;
    for (int i = 0; i < runs.length; i++) {
      long t = System.nanoTime();
      in = store.insights(from, to);
      runs[i] = System.nanoTime() - t;
    }
    Arrays.sort(runs);
    System.out.printf("%s: insights over %,d questions (90 days, %d gaps): median of 3 %.0f ms (min %.0f, max %.0f)%n", name,
        in.questions(), in.gaps().size(), runs[1] / 1e6, runs[0] / 1e6, runs[2] / 1e6);
  }

  @Test
  void sqlite() throws Exception {
    try (Store s = Store.open(StoreSettings.fromEnvironment(java.util.Map.of(), null, dir, 3650))) {
      bench("SQLite", s);
    }
  }

  @Test
  void postgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
         Store s = Store.open(new StoreSettings("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres",
             "postgres", dir.resolve("unused.db"), 3650))) {
      bench("PostgreSQL 17", s);
    }
  }
}
