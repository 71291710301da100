package jp.linkage.hub.server.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.server.support.Json;

/**
 * Provision requests whose answer waits for a pending change to reach the replica (policy DEFER).
 * The request is kept as received; the provider answers it when the change is registered or when
 * {@code defer_until} passes, whichever comes first.
 */
public final class DeferredAnswers {
  private DeferredAnswers() {}

  /** A held request; {@code agency} is the provider. */
  record Deferred(
      String agency, ProvisionRequest request, Instant deferredAt, Instant deferUntil) {}

  static void defer(
      Connection c,
      String agency,
      String localId,
      ProvisionRequest request,
      Instant now,
      Instant until)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_deferred_answer (agency, linkage_id,"
                + " item, local_id, request, deferred_at, defer_until) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, agency);
      ps.setString(2, request.linkageId());
      ps.setString(3, request.item());
      ps.setString(4, localId);
      ps.setString(5, Json.write(request));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setTimestamp(7, Timestamp.from(until));
      ps.executeUpdate();
    }
  }

  /**
   * Held requests that can be answered now: their change was registered (no notice pending for the
   * person and item any more) or their bound passed, for the given provider agencies. Locked,
   * skipping rows another sweep holds.
   */
  static List<Deferred> due(Connection c, Collection<String> agencies, Instant now, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT d.agency, d.request, d.deferred_at, d.defer_until"
                + " FROM is_deferred_answer d WHERE d.agency = ANY (?) AND (d.defer_until <= ? OR NOT EXISTS"
                + " (SELECT 1 FROM is_change_notice n WHERE n.agency = d.agency AND n.item = d.item"
                + " AND n.local_id = d.local_id AND n.resolved_at IS NULL))"
                + " ORDER BY d.deferred_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      ps.setArray(1, c.createArrayOf("text", agencies.toArray()));
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setInt(3, limit);
      List<Deferred> due = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(
              new Deferred(
                  rs.getString(1),
                  request(rs.getString(2)),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return due;
    }
  }

  static void remove(Connection c, String agency, String linkageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM is_deferred_answer WHERE agency = ? AND linkage_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, linkageId);
      ps.executeUpdate();
    }
  }

  /** How many answers the agency holds back now. */
  public static int count(Connection c, String agency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM is_deferred_answer WHERE agency = ?")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static ProvisionRequest request(String json) {
    try {
      return Json.MAPPER.readValue(json, ProvisionRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a held provision request is unreadable", e);
    }
  }
}
