package jp.linkage.hub.server.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.support.Json;

/** The querier's side of its queries (情報照会): sent, then answered, denied or rejected. */
public final class Queries {
  private Queries() {}

  /**
   * Records a query sent at once (interactive or back-office). Its edition is not kept here: the
   * message carries it; only a queued bulk query needs its edition stored until it is sent.
   */
  static void sent(Connection c, String agency, String linkageId, Query query, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_query (agency, linkage_id, local_id,"
                + " procedure, provider, item, status, sent_at) VALUES (?,?,?,?,?,?,'SENT',?)")) {
      ps.setString(1, agency);
      ps.setString(2, linkageId);
      ps.setString(3, query.localId());
      ps.setString(4, query.procedure());
      ps.setString(5, query.provider());
      ps.setString(6, query.item().code());
      ps.setTimestamp(7, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /** Completes a query still in SENT; returns false when it was unknown or already final. */
  public static boolean complete(
      Connection c,
      String agency,
      String linkageId,
      String status,
      String outcome,
      String result,
      String detail,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_query SET status = ?, outcome = ?,"
                + " result = ?, detail = ?, completed_at = ? WHERE agency = ? AND linkage_id = ? AND status = 'SENT'")) {
      ps.setString(1, status);
      ps.setString(2, outcome);
      ps.setString(3, result);
      ps.setString(4, detail);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.setString(6, agency);
      ps.setString(7, linkageId);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Ends as FAILED every query, bulk or not, sent before {@code sentBefore} and still without a
   * final answer (the query timeout): every query ends, even when its provider never answers. An
   * answer that arrives later finds the query final and changes nothing but the agency's provision
   * record.
   */
  public static List<QueryCompletion> failOverdue(
      Connection c, Instant sentBefore, String detail, Instant at) throws SQLException {
    List<QueryCompletion> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_query SET status = 'FAILED', detail = ?,"
                + " completed_at = ? WHERE status = 'SENT' AND sent_at < ? RETURNING agency, linkage_id")) {
      ps.setString(1, detail);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setTimestamp(3, Timestamp.from(sentBefore));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new QueryCompletion(rs.getString(1), rs.getString(2), "FAILED", null));
        }
      }
    }
    return out;
  }

  /** Whether any hosted agency has a query with this linkage id. */
  public static boolean exists(Connection c, String linkageId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM is_query WHERE linkage_id = ?")) {
      ps.setString(1, linkageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public static Optional<QueryResult> find(Connection c, String agency, String linkageId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT local_id, procedure, provider, item, status,"
                + " outcome, result, detail FROM is_query WHERE agency = ? AND linkage_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, linkageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(result(linkageId, rs)) : Optional.empty();
      }
    }
  }

  /** The agency's queries among {@code linkageIds}, in one statement; unknown ids are left out. */
  static List<QueryResult> findAll(Connection c, String agency, Collection<String> linkageIds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT local_id, procedure, provider, item, status,"
                + " outcome, result, detail, linkage_id FROM is_query WHERE agency = ? AND linkage_id = ANY (?)")) {
      ps.setString(1, agency);
      ps.setArray(2, c.createArrayOf("text", linkageIds.toArray()));
      List<QueryResult> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(result(rs.getString(9), rs));
        }
      }
      return found;
    }
  }

  private static QueryResult result(String linkageId, ResultSet rs) throws SQLException {
    String result = rs.getString(7);
    return new QueryResult(
        linkageId,
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        result == null ? null : Json.read(result),
        rs.getString(8));
  }
}
