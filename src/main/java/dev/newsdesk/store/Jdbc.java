package dev.newsdesk.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one way the repositories run a statement: a connection per call, prepared statements only (user and article
 * text is data), and any failure as a {@link StoreException} that says what could not be done.
 */
final class Jdbc {
  private Jdbc() {
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException, IOException;
  }

  /** Runs an INSERT/UPDATE/DELETE; returns the rows changed. {@code what} completes "Could not ...". */
  static int update(DataSource ds, String sql, Binder binder, String what) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs a SELECT and reads every row. {@code what} completes "Could not ...". */
  static <T> List<T> query(DataSource ds, String sql, Binder binder, Row<T> row, String what) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException | IOException e) {
      throw new StoreException("Could not " + what + ": " + e.getMessage(), e);
    }
  }
}
