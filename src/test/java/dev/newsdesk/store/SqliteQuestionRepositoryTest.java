package dev.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuestionRepositoryTest extends QuestionRepositoryContract {
  @TempDir
  Path dir;

  @Override
  protected Store openStore() {
    return Store.open(StoreSettings.fromEnvironment(Map.of(), null, dir.resolve("data"), 90));
  }

  @Test
  void defaultFileIsUnderDataInWalMode() throws Exception {
    assertThat(dir.resolve("data/newsdesk.db")).exists();
    try (Connection c = store.dataSource().getConnection();
         ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void corruptFileFailsWithWhatToDo() throws Exception {
    Path bad = dir.resolve("bad/newsdesk.db");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "this is not a database, just text that is long enough to look like a header....");
    assertThatThrownBy(() -> Store.open(StoreSettings.fromEnvironment(Map.of(), null, bad.getParent(), 90)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("move the file away");
  }
}
