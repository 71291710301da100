package jp.linkage.hub.server.backoffice;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Tables of the back-office link, created when the link starts: which queries came over the link
 * (their completions go back on from-server) and which alerts were forwarded.
 */
final class BackOfficeSchema {
  private BackOfficeSchema() {}

  static void create(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_bo_query (agency text NOT NULL, linkage_id text NOT NULL,"
              + " PRIMARY KEY (agency, linkage_id))");
      s.execute("CREATE TABLE IF NOT EXISTS is_bo_alert_sent (alert_id bigint PRIMARY KEY)");
    }
  }
}
