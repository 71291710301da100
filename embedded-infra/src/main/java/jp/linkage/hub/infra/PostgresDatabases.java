package jp.linkage.hub.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Databases and connection pools on one PostgreSQL server, embedded or external: one small HikariCP
 * pool per database, created on first use and closed with this object.
 */
final class PostgresDatabases implements AutoCloseable {
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String UNIQUE_VIOLATION = "23505";

  private final String adminUrl;
  private final String user;
  private final String password;
  private final int poolSize;
  private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

  /**
   * @param adminUrl URL of an existing database (e.g. {@code postgres}) used to create others
   */
  PostgresDatabases(String adminUrl, String user, String password, int poolSize) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.poolSize = poolSize;
  }

  String jdbcUrl(String database) {
    return JdbcUrls.withDatabase(adminUrl, database);
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  void createDatabaseIfMissing(String name) {
    JdbcUrls.requireValidDatabaseName(name);
    try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
      try (PreparedStatement q =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + name + "\"");
      }
    } catch (SQLException e) {
      // Another JVM or thread created it between our check and CREATE.
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())
          && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new InfrastructureException("cannot create database " + name + " via " + adminUrl, e);
      }
    }
  }

  /** The pooled data source of {@code database}, creating the database first if needed. */
  DataSource dataSource(String database) {
    return pools.computeIfAbsent(
        JdbcUrls.requireValidDatabaseName(database),
        db -> {
          createDatabaseIfMissing(db);
          HikariConfig config = new HikariConfig();
          config.setPoolName("hub-" + db);
          config.setJdbcUrl(jdbcUrl(db));
          config.setUsername(user);
          config.setPassword(password);
          config.setMaximumPoolSize(poolSize);
          config.setMinimumIdle(1);
          return new HikariDataSource(config);
        });
  }

  @Override
  public void close() {
    pools.values().forEach(HikariDataSource::close);
    pools.clear();
  }
}
