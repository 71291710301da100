package jp.linkage.hub.launcher;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.linkage.hub.infra.InfraSetting;
import jp.linkage.hub.infra.JdbcUrls;
import jp.linkage.hub.server.batch.BatchInputException;
import jp.linkage.hub.server.support.ServerSchema;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The intermediate server's database for {@code hub batch}: on the PostgreSQL server of
 * HUB_JDBC_URL (user and password from HUB_JDBC_USER, HUB_JDBC_PASSWORD), as {@code hub server}
 * uses it, or of {@code --jdbc-url}. Plain connections: a batch needs one at a time.
 */
final class BatchDatabase {
  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Any database on the server's PostgreSQL (default: $HUB_JDBC_URL, as for hub server).")
  String jdbcUrl;

  @Option(
      names = "--database",
      defaultValue = Hub.SERVER_DATABASE,
      description =
          "The intermediate server's database (default ${DEFAULT-VALUE}, as hub server's --database).")
  String database;

  /**
   * Connects, checks the connection and makes sure the server's tables exist (as {@code hub server}
   * does at start).
   *
   * @throws BatchInputException when no server is configured or it cannot be reached
   */
  DataSource open(Map<String, String> env) throws BatchInputException {
    Optional<String> url =
        Optional.ofNullable(jdbcUrl).or(() -> InfraSetting.HUB_JDBC_URL.lookup(env));
    if (url.isEmpty()) {
      throw new BatchInputException(
          "no database: set "
              + InfraSetting.HUB_JDBC_URL.variable()
              + " (as for hub server) or give --jdbc-url");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(JdbcUrls.withDatabase(url.get(), database));
    } catch (IllegalArgumentException e) {
      throw new BatchInputException(e.getMessage(), e);
    }
    ds.setUser(InfraSetting.HUB_JDBC_USER.valueOr(env));
    ds.setPassword(InfraSetting.HUB_JDBC_PASSWORD.valueOr(env));
    try (Connection c = ds.getConnection()) {
      ServerSchema.create(ds);
    } catch (SQLException e) {
      throw new BatchInputException(
          "cannot use database " + database + " at " + url.get() + ": " + e.getMessage(), e);
    }
    return ds;
  }
}
