package dev.newsdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link FeedbackRepository} over JDBC. The vote upsert uses {@code INSERT ... ON CONFLICT DO UPDATE}, which
 * SQLite (3.24+) and PostgreSQL share, so concurrent presses cannot leave two votes.
 */
final class JdbcFeedbackRepository implements FeedbackRepository {
  private final DataSource dataSource;
  private final Clock clock;

  JdbcFeedbackRepository(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public void vote(long questionId, String userId, Vote vote) {
    String sql = "INSERT INTO votes (question_id, user_id, vote, voted_at) VALUES (?,?,?,?)"
        + " ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, questionId);
      ps.setString(2, userId);
      ps.setInt(3, vote == Vote.UP ? 1 : -1);
      ps.setLong(4, clock.millis());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Could not record the vote on answer " + questionId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Vote> voteOf(long questionId, String userId) {
    String sql = "SELECT vote FROM votes WHERE question_id = ? AND user_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, questionId);
      ps.setString(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1) > 0 ? Vote.UP : Vote.DOWN) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("Could not read the vote on answer " + questionId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void reportCitation(CitationReport r) {
    String sql = "INSERT INTO citation_reports (question_id, user_id, citation, reason, reported_at)"
        + " VALUES (?,?,?,?,?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, r.questionId());
      ps.setString(2, r.userId());
      ps.setInt(3, r.citation());
      ps.setString(4, r.reason());
      ps.setLong(5, clock.millis());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Could not record the report on answer " + r.questionId() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<CitationReport> reportsOn(long questionId) {
    String sql = "SELECT question_id, user_id, citation, reason FROM citation_reports WHERE question_id = ?"
        + " ORDER BY id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, questionId);
      List<CitationReport> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CitationReport(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("Could not read reports on answer " + questionId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Summary summaryOf(long questionId) {
    String sql = "SELECT COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN vote < 0 THEN 1"
        + " ELSE 0 END), 0), (SELECT COUNT(*) FROM citation_reports WHERE question_id = ?) FROM votes WHERE question_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, questionId);
      ps.setLong(2, questionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Summary(rs.getInt(1), rs.getInt(2), rs.getInt(3));
      }
    } catch (SQLException e) {
      throw new StoreException("Could not read the feedback on answer " + questionId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int forgetUser(String userId) {
    try (Connection c = dataSource.getConnection();
         PreparedStatement votes = c.prepareStatement("DELETE FROM votes WHERE user_id = ?");
         PreparedStatement reports = c.prepareStatement("DELETE FROM citation_reports WHERE user_id = ?")) {
      votes.setString(1, userId);
      reports.setString(1, userId);
      return votes.executeUpdate() + reports.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Could not delete the feedback of user " + userId + ": " + e.getMessage(), e);
    }
  }
}
