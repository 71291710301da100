package jp.linkage.hub.server.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.support.Json;

/** Reading a bulk submission (一括照会) back: its counts by state, and its results as a stream. */
public final class BulkResults {
  private BulkResults() {}

  public static Optional<BulkStatus> status(Connection c, String agency, String bulkId)
      throws SQLException {
    String name;
    long total;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, total FROM is_bulk WHERE agency = ? AND bulk_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, bulkId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        name = rs.getString(1);
        total = rs.getLong(2);
      }
    }
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT status, count(*) FROM is_query"
                + " WHERE bulk_id = ? AND agency = ? GROUP BY status")) {
      ps.setString(1, bulkId);
      ps.setString(2, agency);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return Optional.of(
        new BulkStatus(
            bulkId,
            name,
            total,
            counts.getOrDefault("QUEUED", 0L),
            counts.getOrDefault("SENT", 0L),
            counts.getOrDefault("ANSWERED", 0L),
            counts.getOrDefault("DENIED", 0L),
            counts.getOrDefault("REJECTED", 0L),
            counts.getOrDefault("FAILED", 0L)));
  }

  /**
   * Streams the bulk's results in submission order through a server-side cursor, so memory stays
   * flat whatever the bulk's size. Runs in a read-only transaction of its own.
   */
  public static long stream(Connection c, String agency, String bulkId, Consumer<QueryResult> sink)
      throws SQLException {
    c.setAutoCommit(false); // the PostgreSQL driver only uses a cursor inside a transaction
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT linkage_id, local_id, procedure, provider,"
                + " item, status, outcome, result, detail FROM is_query WHERE bulk_id = ? AND agency = ?"
                + " ORDER BY bulk_row")) {
      ps.setFetchSize(1_000);
      ps.setString(1, bulkId);
      ps.setString(2, agency);
      long n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String result = rs.getString(8);
          sink.accept(
              new QueryResult(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  result == null ? null : Json.read(result),
                  rs.getString(9)));
          n++;
        }
      }
      return n;
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
