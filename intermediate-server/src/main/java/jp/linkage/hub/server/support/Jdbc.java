package jp.linkage.hub.server.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one JDBC transaction: committed when it returns, rolled back when it throws. For the
 * intermediate server's own packages.
 */
public final class Jdbc {
  private Jdbc() {}

  /**
   * Work in a transaction; {@code E} is what it throws besides {@link SQLException} (inferred from
   * a lambda; {@link RuntimeException} when nothing).
   */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run(Connection c) throws SQLException, E;
  }

  /**
   * Runs {@code work} in one transaction and returns its result; what it throws is rethrown after a
   * rollback.
   */
  public static <T, E extends Exception> T inTransaction(DataSource dataSource, Work<T, E> work)
      throws SQLException, E {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Exception | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /** A nullable timestamp column as an instant. */
  public static java.time.Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** A nullable instant as a timestamp parameter. */
  public static java.sql.Timestamp timestamp(java.time.Instant i) {
    return i == null ? null : java.sql.Timestamp.from(i);
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
