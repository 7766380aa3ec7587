package dev.newsdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Owner of the database connection(s): opens SQLite (WAL, busy time-out) or a pooled PostgreSQL, applies the
 * Flyway migrations in {@code db/migration} and hands out the repositories. Thread-safe after {@link #open}.
 */
public final class Store implements Closeable {
  private static final int BUSY_TIMEOUT_MS = 5_000;

  private final StoreSettings settings;
  private final DataSource dataSource;
  private final Closeable pool;
  private final QuestionRepository questions;
  private final FeedbackRepository feedback;
  private final FollowRepository follows;

  private Store(StoreSettings settings, DataSource dataSource, Closeable pool, Clock clock) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.pool = pool;
    this.questions = new JdbcQuestionRepository(dataSource);
    this.feedback = new JdbcFeedbackRepository(dataSource, clock);
    this.follows = new JdbcFollowRepository(dataSource);
  }

  /** Opens the store with the system clock; see {@link #open(StoreSettings, Clock)}. */
  public static Store open(StoreSettings settings) {
    return open(settings, Clock.systemUTC());
  }

  /** Opens the store and migrates its schema; throws {@link StoreException} saying what to fix. */
  public static Store open(StoreSettings settings, Clock clock) {
    DataSource ds;
    Closeable pool = () -> { };
    String idColumn;
    if (settings.postgres()) {
      HikariConfig hc = new HikariConfig();
      hc.setJdbcUrl(settings.url());
      hc.setUsername(settings.user());
      hc.setPassword(settings.password());
      hc.setMaximumPoolSize(8);
      hc.setMinimumIdle(1);
      // a database that went away must cost an answer seconds, not Hikari's default 30 s
      hc.setConnectionTimeout(3_000);
      hc.setValidationTimeout(2_000);
      hc.setPoolName("newsdesk-store");
      // Fail at start rather than on the first answer, but let the bot decide what failing means.
      hc.setInitializationFailTimeout(-1);
      HikariDataSource hikari = new HikariDataSource(hc);
      ds = hikari;
      pool = hikari;
      idColumn = "BIGSERIAL PRIMARY KEY";
    } else {
      ds = sqlite(settings);
      idColumn = "INTEGER PRIMARY KEY AUTOINCREMENT";
    }
    try {
      if (!current(ds)) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
            .placeholders(Map.of("id_column", idColumn)).load().migrate();
      }
    } catch (FlywayException e) {
      closeQuietly(pool);
      throw new StoreException("Database " + settings.describe() + " could not be opened or migrated ("
          + firstLine(e.getMessage()) + "); check that it is reachable and writable, or move the file away to"
          + " start a new one", e);
    }
    return new Store(settings, ds, pool, clock);
  }

  /** The newest migration in {@code db/migration}; StoreTest checks it against the files. */
  static final int SCHEMA_VERSION = 4;

  /**
   * True when the schema history already holds {@link #SCHEMA_VERSION}, applied successfully: then Flyway is not
   * even loaded (it took about half a second of every command's start). Anything unexpected means "let Flyway look".
   */
  private static boolean current(DataSource ds) {
    try (java.sql.Connection c = ds.getConnection();
         java.sql.Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery("SELECT version, success FROM \"flyway_schema_history\"")) {
      int newest = 0;
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return false;
        }
        String v = rs.getString(1);
        if (v != null && v.matches("\\d+")) {
          newest = Math.max(newest, Integer.parseInt(v));
        }
      }
      return newest == SCHEMA_VERSION;
    } catch (java.sql.SQLException | RuntimeException e) {
      return false;
    }
  }

  private static DataSource sqlite(StoreSettings settings) {
    Path file = settings.url() == null ? settings.sqliteFile() : null;
    if (file != null && file.getParent() != null) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new StoreException("Cannot create the folder " + file.getParent() + " for the database; make it"
            + " writable or set database.url", e);
      }
    }
    SQLiteConfig config = new SQLiteConfig();
    // WAL lets readers (insights) run while the bot's workers write; the busy time-out makes writers queue.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // Deleting a question (retention, forget) must take its votes and reports with it.
    config.enforceForeignKeys(true);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(file != null ? "jdbc:sqlite:" + file : settings.url());
    return ds;
  }

  public QuestionRepository questions() {
    return questions;
  }

  public FeedbackRepository feedback() {
    return feedback;
  }

  public FollowRepository follows() {
    return follows;
  }

  /**
   * Deletes everything of one user: their questions (with any feedback on them) and their own feedback on
   * other answers. Returns the number of rows removed.
   */
  public int forgetUser(String userId) {
    return feedback.forgetUser(userId) + questions.forgetUser(userId) + follows.forgetUser(userId);
  }

  /** Deletes what is older than the retention period; returns the number of questions removed. */
  public int purgeExpired(Clock clock) {
    return questions.purgeOlderThan(clock.instant().minus(Duration.ofDays(settings.retentionDays())));
  }

  /** Insights over the UTC days {@code since} to {@code until}, both included. */
  public Insights insights(java.time.LocalDate since, java.time.LocalDate until) {
    return new InsightsQuery(dataSource).read(since, until);
  }

  /** Every stored feedback as a labelled example; returns how many. */
  public int exportFeedback(java.util.function.Consumer<FeedbackExport.Example> sink) {
    return new FeedbackExport(dataSource).export(sink);
  }

  /** Drops the pooled connections (they may all be broken by a database restart); new ones are made on demand. */
  public void resetConnections() {
    if (pool instanceof HikariDataSource hikari) {
      var mx = hikari.getHikariPoolMXBean();
      if (mx != null) {
        mx.softEvictConnections();
      }
    }
  }

  public StoreSettings settings() {
    return settings;
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws IOException {
    pool.close();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // Already failing; the migration error is the one worth reporting.
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
