package jp.linkage.hub.server.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.support.Jdbc;

/**
 * Kept rejections (is_rejection): what the hub rejected of this server's messages, and what this
 * server refused of its back-office's input, with field and rule, for inspection.
 */
public final class Rejections {
  private Rejections() {}

  /**
   * @param messageId the rejected message's id; null when it had none (a direct API call)
   */
  public static void keep(
      Connection c, String agency, String messageId, String field, String rule, String message)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_rejection (agency, message_id, field,"
                + " rule, message) VALUES (?,?,?,?,?)")) {
      ps.setString(1, agency);
      ps.setString(2, messageId);
      ps.setString(3, field);
      ps.setString(4, rule);
      ps.setString(5, message);
      ps.executeUpdate();
    }
  }

  /** Keeps every problem of a refused replica registration or notice, in its own transaction. */
  public static void keep(
      DataSource dataSource,
      String agency,
      String messageId,
      String what,
      ReplicaRejectedException e)
      throws SQLException {
    Jdbc.inTransaction(
        dataSource,
        c -> {
          for (ReplicaRejectedException.Problem p : e.problems()) {
            keep(c, agency, messageId, p.field(), p.rule(), what + ": " + p.message());
          }
          return null;
        });
  }
}
