package dev.newsdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The same repository suite on a real PostgreSQL 17 server; each test gets its own database. */
class PostgresQuestionRepositoryTest extends QuestionRepositoryContract {
  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Override
  protected Store openStore() throws Exception {
    String name = "newsdesk_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    return Store.open(new StoreSettings(url, "postgres", "postgres", dir.resolve("unused.db"), 90));
  }
}
