package dev.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSchemaTest {
  @TempDir
  Path dir;

  /** Store skips Flyway when the history holds SCHEMA_VERSION: it must be the newest migration file. */
  @Test
  void schemaVersionIsTheNewestMigration() throws Exception {
    int newest;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
    }
    assertThat(Store.SCHEMA_VERSION).isEqualTo(newest);
  }

  @Test
  void aCurrentDatabaseOpensAgainWithItsData() throws Exception {
    StoreSettings settings = StoreSettings.fromEnvironment(Map.of(), null, dir, 90);
    long id;
    try (Store s = Store.open(settings)) {
      id = s.questions().record(new QuestionRecord(0, java.time.Instant.now(), QuestionRecord.Surface.CLI, null, null,
          null, "u", "q", "a", java.util.List.of(), false, "extractive", 1));
    }
    try (Store s = Store.open(settings)) {
      assertThat(s.questions().byId(id)).isPresent();
      assertThat(s.feedback().summaryOf(id)).isEqualTo(new FeedbackRepository.Summary(0, 0, 0));
    }
  }
}
