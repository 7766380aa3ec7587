package dev.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
  @Test
  void environmentWinsAndSecretsNeverShow() {
    StoreSettings s = StoreSettings.fromEnvironment(Map.of(
            "NEWSDESK_DATABASE_URL", "jdbc:postgresql://bob:hunter2@db:5432/newsdesk?password=hunter2&ssl=true",
            "NEWSDESK_DATABASE_USER", "bob", "NEWSDESK_DATABASE_PASSWORD", "s3cret"),
        "jdbc:postgresql://other/x", Path.of("data"), 90);
    assertThat(s.postgres()).isTrue();
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.describe()).doesNotContain("hunter2").contains("db:5432/newsdesk").contains("ssl=true");
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  void defaultIsSqliteUnderData() {
    StoreSettings s = StoreSettings.fromEnvironment(Map.of(), null, Path.of("data"), 90);
    assertThat(s.postgres()).isFalse();
    assertThat(s.sqliteFile()).isEqualTo(Path.of("data/newsdesk.db"));
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://h/x", null, null, Path.of("d"), 90))
        .hasMessageContaining("jdbc:mysql://h/x").hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> new StoreSettings(null, null, null, Path.of("d"), 0))
        .hasMessageContaining("retention-days");
  }
}
