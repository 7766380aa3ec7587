package dev.newsdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link QuestionRepository} over plain JDBC with prepared statements only, so user and article text is data.
 * The SQL is the common subset of SQLite and PostgreSQL ({@code RETURNING} exists in both).
 */
final class JdbcQuestionRepository implements QuestionRepository {
  private static final String COLUMNS = "id, asked_at, surface, guild_id, channel_id, thread_id, user_id, question,"
      + " answer, citations, abstained, answerer, latency_ms";
  private static final TypeReference<List<StoredCitation>> CITATIONS = new TypeReference<>() { };

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  JdbcQuestionRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long record(QuestionRecord q) {
    String sql = "INSERT INTO questions (asked_at, surface, guild_id, channel_id, thread_id, user_id, question,"
        + " answer, citations, abstained, answerer, latency_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, q.askedAt().toEpochMilli());
      ps.setString(2, q.surface().name());
      setNullable(ps, 3, q.guildId());
      setNullable(ps, 4, q.channelId());
      setNullable(ps, 5, q.threadId());
      ps.setString(6, q.userId());
      ps.setString(7, q.question());
      ps.setString(8, q.answer());
      ps.setString(9, json.writeValueAsString(q.citations()));
      ps.setBoolean(10, q.abstained());
      ps.setString(11, q.answerer());
      ps.setLong(12, q.latencyMs());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("Could not record the question: " + e.getMessage(), e);
    }
  }

  @Override
  public List<QuestionRecord> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return query("SELECT " + COLUMNS + " FROM questions ORDER BY asked_at DESC, id DESC LIMIT ?",
        ps -> ps.setInt(1, limit));
  }

  @Override
  public java.util.Optional<QuestionRecord> byId(long id) {
    return query("SELECT " + COLUMNS + " FROM questions WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
  }

  @Override
  public List<QuestionRecord> inThread(String threadId) {
    return query("SELECT " + COLUMNS + " FROM questions WHERE thread_id = ? ORDER BY asked_at, id",
        ps -> ps.setString(1, threadId));
  }

  @Override
  public int purgeOlderThan(Instant cutoff) {
    return update("DELETE FROM questions WHERE asked_at < ?", ps -> ps.setLong(1, cutoff.toEpochMilli()));
  }

  @Override
  public int forgetUser(String userId) {
    return update("DELETE FROM questions WHERE user_id = ?", ps -> ps.setString(1, userId));
  }

  private int update(String sql, Jdbc.Binder binder) {
    return Jdbc.update(dataSource, sql, binder, "update the store");
  }

  private List<QuestionRecord> query(String sql, Jdbc.Binder binder) {
    return Jdbc.query(dataSource, sql, binder, rs -> new QuestionRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
        QuestionRecord.Surface.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), citations(rs.getString(10)),
        rs.getBoolean(11), rs.getString(12), rs.getLong(13)), "read the store");
  }

  /** Rows written before citations were stored whole hold plain strings: those read as no citations. */
  private List<StoredCitation> citations(String column) throws JsonProcessingException {
    var node = json.readTree(column);
    if (!node.isArray() || node.isEmpty() || !node.get(0).isObject()) {
      return List.of();
    }
    return json.convertValue(node, CITATIONS);
  }

  private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
