package dev.newsdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** {@link FollowRepository} over JDBC; the unique key makes a repeated /follow a no-op, not a second row. */
final class JdbcFollowRepository implements FollowRepository {
  private static final String COLUMNS = "id, guild_id, channel_id, topic, outlet, created_by, created_at, last_posted_at";
  private final DataSource dataSource;

  JdbcFollowRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean follow(Follow f) {
    String sql = "INSERT INTO follows (guild_id, channel_id, topic, outlet, created_by, created_at, last_posted_at)"
        + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (channel_id, topic, outlet) DO NOTHING";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, f.guildId());
      ps.setString(2, f.channelId());
      ps.setString(3, f.topic().toLowerCase(Locale.ROOT));
      ps.setString(4, f.outlet());
      ps.setString(5, f.createdBy());
      ps.setLong(6, f.createdAt().toEpochMilli());
      ps.setLong(7, f.lastPostedAt().toEpochMilli());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("Could not store the subscription: " + e.getMessage(), e);
    }
  }

  @Override
  public int unfollow(String channelId, String topic) {
    return update("DELETE FROM follows WHERE channel_id = ? AND topic = ?", ps -> {
      ps.setString(1, channelId);
      ps.setString(2, topic.strip().toLowerCase(Locale.ROOT));
    });
  }

  @Override
  public List<Follow> inChannel(String channelId) {
    return query("SELECT " + COLUMNS + " FROM follows WHERE channel_id = ? ORDER BY id", ps -> ps.setString(1, channelId));
  }

  @Override
  public List<Follow> all() {
    return query("SELECT " + COLUMNS + " FROM follows ORDER BY id", ps -> { });
  }

  @Override
  public void posted(long followId, Instant at) {
    update("UPDATE follows SET last_posted_at = ? WHERE id = ?", ps -> {
      ps.setLong(1, at.toEpochMilli());
      ps.setLong(2, followId);
    });
  }

  @Override
  public int forgetUser(String userId) {
    return update("DELETE FROM follows WHERE created_by = ?", ps -> ps.setString(1, userId));
  }

  private int update(String sql, Jdbc.Binder binder) {
    return Jdbc.update(dataSource, sql, binder, "update the subscriptions");
  }

  private List<Follow> query(String sql, Jdbc.Binder binder) {
    return Jdbc.query(dataSource, sql, binder, rs -> new Follow(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
        Instant.ofEpochMilli(rs.getLong(8))), "read the subscriptions");
  }
}
