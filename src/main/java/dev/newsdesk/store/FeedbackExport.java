package dev.newsdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The stored feedback as labelled examples: one per reported citation (label {@code reported}, with the cited quote
 * and passage) and one per vote (label {@code up} or {@code down}, on the whole answer). The citation checker's
 * labelled set (support-pairs.jsonl) can grow from the reported rows.
 */
public final class FeedbackExport {
  /** One labelled example; {@code citation}, {@code quote} and {@code passage} are null for a vote. */
  public record Example(long questionId, String question, String answer, Integer citation, String quote, String passage,
                 String outlet, String label, String reason) { }

  private final DataSource dataSource;
  private final JdbcQuestionRepository questions;

  FeedbackExport(DataSource dataSource) {
    this.dataSource = dataSource;
    this.questions = new JdbcQuestionRepository(dataSource);
  }

  /** Streams every example, reports first, oldest first; returns how many. */
  public int export(Consumer<Example> sink) {
    int n = 0;
    try (Connection c = dataSource.getConnection()) {
      List<long[]> reports = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT question_id, citation, reason FROM citation_reports ORDER BY id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reports.add(new long[] {rs.getLong(1), rs.getInt(2)});
          reasons.add(rs.getString(3));
        }
      }
      for (int i = 0; i < reports.size(); i++) {
        long id = reports.get(i)[0];
        int cited = (int) reports.get(i)[1];
        var q = questions.byId(id).orElse(null);
        if (q == null) {
          continue;
        }
        StoredCitation sc = q.citations().stream().filter(x -> x.n() == cited).findFirst().orElse(null);
        sink.accept(new Example(id, q.question(), q.answer(), cited, sc == null ? null : sc.quote(),
            sc == null ? null : sc.passage(), sc == null ? null : sc.outlet(), "reported", reasons.get(i)));
        n++;
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT v.question_id, v.vote, q.question, q.answer FROM votes v"
          + " JOIN questions q ON q.id = v.question_id ORDER BY v.voted_at, v.question_id");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(new Example(rs.getLong(1), rs.getString(3), rs.getString(4), null, null, null, null,
              rs.getInt(2) > 0 ? "up" : "down", null));
          n++;
        }
      }
      return n;
    } catch (SQLException e) {
      throw new StoreException("Could not export the feedback: " + e.getMessage(), e);
    }
  }
}
