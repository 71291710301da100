package jp.linkage.hub.core.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon without Spring has no JDBC transaction manager: with autocommit connections, an event
 * append, a tracking token update and a projection write would be three commits. This class is both
 * Axon's {@link TransactionManager} and its {@link ConnectionProvider}: inside a transaction every
 * caller on the thread gets the same connection, so they commit or roll back together. Nested
 * transactions join the outer one.
 */
public final class ThreadBoundTransactionManager implements TransactionManager, ConnectionProvider {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  public ThreadBoundTransactionManager(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Transaction startTransaction() {
    if (current.get() != null) {
      return new Transaction() {
        @Override
        public void commit() {}

        @Override
        public void rollback() {}
      };
    }
    Connection connection = open();
    current.set(connection);
    return new Transaction() {
      @Override
      public void commit() {
        finish(connection, true);
      }

      @Override
      public void rollback() {
        finish(connection, false);
      }
    };
  }

  /** The connection of the transaction on this thread; callers must not close it. */
  public Connection currentConnection() {
    Connection connection = current.get();
    if (connection == null) {
      throw new IllegalStateException("no transaction is active on this thread");
    }
    return uncloseable(connection);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = current.get();
    return connection != null ? uncloseable(connection) : dataSource.getConnection();
  }

  private Connection open() {
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      throw new TransactionFailedException("could not begin a transaction", e);
    }
  }

  private void finish(Connection connection, boolean commit) {
    current.remove();
    try (connection) {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new TransactionFailedException(commit ? "commit failed" : "rollback failed", e);
    }
  }

  private static Connection uncloseable(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if ("close".equals(method.getName())) {
                return null; // closed when the transaction ends
              }
              try {
                return method.invoke(connection, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** A database transaction could not begin, commit or roll back. */
  public static final class TransactionFailedException extends RuntimeException {
    TransactionFailedException(String message, SQLException cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }
}
