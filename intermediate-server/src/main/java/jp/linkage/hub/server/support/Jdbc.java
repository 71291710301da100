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

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws Exception;
  }

  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws Exception {
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
