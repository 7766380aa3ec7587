package dev.newsdesk.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store lives. {@code url} null means the embedded SQLite file {@code sqliteFile}; otherwise a
 * {@code jdbc:postgresql:} URL. User and password come from the environment only and are never logged.
 */
public record StoreSettings(String url, String user, String password, Path sqliteFile, int retentionDays) {

  public static final int DEFAULT_RETENTION_DAYS = 90;

  public StoreSettings {
    Objects.requireNonNull(sqliteFile, "sqliteFile");
    if (url != null && url.isBlank()) {
      url = null;
    }
    if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
      throw new IllegalArgumentException("database.url '" + masked(url)
          + "' is not supported; use jdbc:postgresql://host:5432/newsdesk or leave it unset for SQLite");
    }
    if (retentionDays < 1) {
      throw new IllegalArgumentException("database.retention-days must be >= 1, got " + retentionDays);
    }
  }

  /** Settings from NEWSDESK_DATABASE_URL/USER/PASSWORD, falling back to {@code configuredUrl}. */
  public static StoreSettings fromEnvironment(Map<String, String> env, String configuredUrl, Path dataDir,
                                              int retentionDays) {
    String url = env.getOrDefault("NEWSDESK_DATABASE_URL", configuredUrl);
    return new StoreSettings(url, env.get("NEWSDESK_DATABASE_USER"), env.get("NEWSDESK_DATABASE_PASSWORD"),
        dataDir.resolve("newsdesk.db"), retentionDays);
  }

  /** True when PostgreSQL is configured. */
  public boolean postgres() {
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  /** A description safe for logs: the URL with any password masked, or the SQLite file. */
  public String describe() {
    return url == null ? "SQLite " + sqliteFile : masked(url);
  }

  /** Masks {@code user:secret@} and {@code password=secret} in a JDBC URL. */
  static String masked(String url) {
    return url.replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "StoreSettings[" + describe() + ", retentionDays=" + retentionDays + "]";
  }
}
