package jp.linkage.hub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a test reads back from a database to check it: one query on a connection of its own, the
 * {@code params} bound in order, every value as text (SQL NULL as {@code null}).
 */
public final class Sql {
  private Sql() {}

  /** Every row of the query's result. */
  public static List<List<String>> rows(DataSource db, String sql, Object... params)
      throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int col = 1; col <= columns; col++) {
            row.add(rs.getString(col));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The first column of every row. */
  public static List<String> column(DataSource db, String sql, Object... params)
      throws SQLException {
    return rows(db, sql, params).stream().map(row -> row.get(0)).toList();
  }

  /** The first column of the first row; a query that returns no row fails the test. */
  public static String value(DataSource db, String sql, Object... params) throws SQLException {
    List<List<String>> rows = rows(db, sql, params);
    if (rows.isEmpty()) {
      throw new AssertionError("no row for " + sql);
    }
    return rows.get(0).get(0);
  }

  /** A number the query returns in its first row, such as a {@code count(*)}. */
  public static long count(DataSource db, String sql, Object... params) throws SQLException {
    return Long.parseLong(value(db, sql, params));
  }
}
