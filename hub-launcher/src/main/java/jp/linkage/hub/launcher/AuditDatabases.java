package jp.linkage.hub.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.linkage.hub.infra.EmbeddedPostgresServer;
import jp.linkage.hub.infra.InfraSetting;
import jp.linkage.hub.infra.JdbcUrls;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server an auditor reads: given by URL, by HUB_JDBC_URL, or the embedded server
 * kept under HUB_DATA_DIR (started here without Kafka; the hub must be stopped). Plain, unpooled
 * connections; those to the hub's own databases are read-only.
 */
final class AuditDatabases implements AutoCloseable {
  private final String serverUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgresServer embedded;

  private AuditDatabases(
      String serverUrl, String user, String password, EmbeddedPostgresServer embedded) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /**
   * @param jdbcUrl any database on the server, or null to use {@code env}
   * @throws AuditSetupException when neither a URL nor HUB_DATA_DIR says where the hub's data is
   */
  static AuditDatabases open(
      String jdbcUrl, String user, String password, Map<String, String> env) {
    String u = user != null ? user : InfraSetting.HUB_JDBC_USER.valueOr(env);
    String p = password != null ? password : InfraSetting.HUB_JDBC_PASSWORD.valueOr(env);
    Optional<String> url =
        Optional.ofNullable(jdbcUrl).or(() -> InfraSetting.HUB_JDBC_URL.lookup(env));
    if (url.isPresent()) {
      return new AuditDatabases(url.get(), u, p, null);
    }
    Optional<String> dataDir = InfraSetting.HUB_DATA_DIR.lookup(env);
    if (dataDir.isEmpty()) {
      throw new AuditSetupException(
          "nothing to audit: give --jdbc-url, or set HUB_JDBC_URL, or HUB_DATA_DIR"
              + " of a stopped embedded run");
    }
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(Path.of(dataDir.get()).resolve("postgres"), 2);
    return new AuditDatabases(server.jdbcUrl("postgres"), server.user(), server.password(), server);
  }

  String url(String database) {
    return JdbcUrls.withDatabase(serverUrl, database);
  }

  /**
   * Read-only connections to one of the hub's databases: the audit cannot change what it audits.
   */
  DataSource readOnly(String database) {
    PGSimpleDataSource ds = writable(database);
    ds.setReadOnly(true);
    return ds;
  }

  PGSimpleDataSource writable(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url(database));
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /** Creates {@code database}; returns false if it already existed. */
  boolean create(String database) throws SQLException {
    JdbcUrls.requireValidDatabaseName(database);
    try (Connection c = admin();
        PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + database + "\"");
      }
      return true;
    }
  }

  void drop(String database) throws SQLException {
    JdbcUrls.requireValidDatabaseName(database);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
    }
  }

  private Connection admin() throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(serverUrl);
    ds.setUser(user);
    ds.setPassword(password);
    return ds.getConnection();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** The audit does not know which databases to read. */
  static final class AuditSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuditSetupException(String message) {
      super(message);
    }
  }
}
