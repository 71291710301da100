package jp.linkage.hub.server.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.records.Symbol;

/**
 * Bulk queries (一括照会) in {@code is_query}: queued with their linkage id fixed, then sent by the
 * dispatcher, so a restart resumes from the table alone and nothing is sent twice.
 */
final class BulkQueue {
  /**
   * A queued query taken for sending, with the person's symbol if the querier has one (else null).
   */
  record Queued(String linkageId, Query query, Symbol symbol) {}

  /** A bulk query in flight: its lane and when it was sent. */
  record InFlight(String linkageId, BulkLane.Key lane, Instant sentAt) {}

  private BulkQueue() {}

  static void createBulk(Connection c, String agency, String bulkId, String name, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_bulk (agency, bulk_id, name,"
                + " submitted_at, total) VALUES (?,?,?,?,0)")) {
      ps.setString(1, agency);
      ps.setString(2, bulkId);
      ps.setString(3, name);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /** Queues one batch in one statement (arrays unnested), numbering rows from {@code firstRow}. */
  static void enqueue(
      Connection c,
      String agency,
      String bulkId,
      long firstRow,
      List<Query> batch,
      List<String> linkageIds,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_query (agency, linkage_id, local_id,"
                + " procedure, provider, item, edition, status, sent_at, queued_at, bulk_id, bulk_row)"
                + " SELECT ?, l, lo, p, pr, i, e, 'QUEUED', ?, ?, ?, ? + n - 1"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " WITH ORDINALITY AS t(l, lo, p, pr, i, e, n)")) {
      Timestamp now = Timestamp.from(at);
      ps.setString(1, agency);
      ps.setTimestamp(2, now); // sent_at is overwritten when the query is actually sent
      ps.setTimestamp(3, now);
      ps.setString(4, bulkId);
      ps.setLong(5, firstRow);
      ps.setArray(6, c.createArrayOf("text", linkageIds.toArray()));
      ps.setArray(7, c.createArrayOf("text", batch.stream().map(Query::localId).toArray()));
      ps.setArray(8, c.createArrayOf("text", batch.stream().map(Query::procedure).toArray()));
      ps.setArray(9, c.createArrayOf("text", batch.stream().map(Query::provider).toArray()));
      ps.setArray(10, c.createArrayOf("text", batch.stream().map(q -> q.item().code()).toArray()));
      ps.setArray(
          11, c.createArrayOf("text", batch.stream().map(q -> q.item().edition()).toArray()));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_bulk SET total = total + ? WHERE agency = ? AND bulk_id = ?")) {
      ps.setLong(1, batch.size());
      ps.setString(2, agency);
      ps.setString(3, bulkId);
      ps.executeUpdate();
    }
  }

  /**
   * A bulk that has stored this many queries gets {@code is_query}'s planner statistics refreshed
   * once: until autovacuum's analyze runs, statistics taken when nearly no row was QUEUED make the
   * planner walk the whole queued index for each batch marked sent (measured: 3 s per batch at 1M
   * queued rows, the first 90 s of a million-query bulk at ~50 queries/s instead of ~300).
   */
  static final long ANALYZE_AT = 10_000;

  /**
   * Refreshes the planner statistics of {@code is_query} when a bulk's stored count crosses {@link
   * #ANALYZE_AT}.
   */
  static void analyzeWhenCrossing(DataSource dataSource, long before, long after)
      throws SQLException {
    if (before < ANALYZE_AT && after >= ANALYZE_AT) {
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement()) {
        st.execute("ANALYZE is_query");
      }
    }
  }

  /** Queued queries per lane, as the table holds them (a restart's starting point). */
  static Map<BulkLane.Key, Long> queuedPerLane(Connection c) throws SQLException {
    Map<BulkLane.Key, Long> lanes = new java.util.HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT agency, provider, count(*) FROM is_query"
                    + " WHERE status = 'QUEUED' GROUP BY agency, provider");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lanes.put(new BulkLane.Key(rs.getString(1), rs.getString(2)), rs.getLong(3));
      }
    }
    return lanes;
  }

  /**
   * The lanes that have queued queries, whoever queued them (this process or another on the same
   * database, e.g. {@code hub batch queries}). A skip scan over the partial index of queued rows:
   * one index probe per lane, however many rows are queued, so the dispatcher can ask every period.
   */
  static List<BulkLane.Key> lanesWithQueued(Connection c) throws SQLException {
    List<BulkLane.Key> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "WITH RECURSIVE lane AS ("
                    + " (SELECT agency, provider FROM is_query WHERE status = 'QUEUED' ORDER BY agency, provider LIMIT 1)"
                    + " UNION ALL SELECT n.agency, n.provider FROM lane l CROSS JOIN LATERAL"
                    + " (SELECT q.agency, q.provider FROM is_query q WHERE q.status = 'QUEUED'"
                    + " AND (q.agency, q.provider) > (l.agency, l.provider) ORDER BY q.agency, q.provider LIMIT 1) n)"
                    + " SELECT agency, provider FROM lane");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new BulkLane.Key(rs.getString(1), rs.getString(2)));
      }
    }
    return out;
  }

  /** How many of the lane's queries are queued, as the table holds them. */
  static long queuedIn(Connection c, BulkLane.Key lane) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM is_query WHERE status = 'QUEUED' AND agency = ? AND provider = ?")) {
      ps.setString(1, lane.agency());
      ps.setString(2, lane.provider());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Every bulk query sent and not yet final. */
  static List<InFlight> inFlight(Connection c) throws SQLException {
    List<InFlight> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT linkage_id, agency, provider, sent_at"
                    + " FROM is_query WHERE status = 'SENT' AND bulk_id IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new InFlight(
                rs.getString(1),
                new BulkLane.Key(rs.getString(2), rs.getString(3)),
                rs.getTimestamp(4).toInstant()));
      }
    }
    return out;
  }

  /** How many of the lane's bulk queries are sent and not final. */
  static int inFlightCount(Connection c, BulkLane.Key lane) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM is_query WHERE status = 'SENT'"
                + " AND bulk_id IS NOT NULL AND agency = ? AND provider = ?")) {
      ps.setString(1, lane.agency());
      ps.setString(2, lane.provider());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Locks and returns the lane's oldest {@code limit} queued queries. */
  static List<Queued> take(Connection c, BulkLane.Key lane, int limit) throws SQLException {
    List<Queued> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT q.linkage_id, q.local_id, q.procedure, q.item,"
                + " q.edition, l.symbol FROM is_query q LEFT JOIN is_person_link l"
                + " ON l.agency = q.agency AND l.local_id = q.local_id"
                + " WHERE q.status = 'QUEUED' AND q.agency = ? AND q.provider = ?"
                + " ORDER BY q.queued_at, q.bulk_row LIMIT ? FOR UPDATE OF q SKIP LOCKED")) {
      ps.setString(1, lane.agency());
      ps.setString(2, lane.provider());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Query query =
              new Query(
                  rs.getString(2),
                  rs.getString(3),
                  lane.provider(),
                  new ItemRef(rs.getString(4), rs.getString(5)));
          String symbol = rs.getString(6);
          out.add(new Queued(rs.getString(1), query, symbol == null ? null : new Symbol(symbol)));
        }
      }
    }
    return out;
  }

  /** Marks queued queries sent (their outbox rows are written in the same transaction). */
  static void markSent(Connection c, String agency, List<String> linkageIds, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_query SET status = 'SENT', sent_at = ?"
                + " WHERE agency = ? AND linkage_id = ANY (?) AND status = 'QUEUED'")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, agency);
      ps.setArray(3, c.createArrayOf("text", linkageIds.toArray()));
      ps.executeUpdate();
    }
  }

  /** Ends a queued query that cannot be sent (the querier has no symbol for the person). */
  static boolean failQueued(
      Connection c, String agency, String linkageId, String detail, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_query SET status = 'FAILED', detail = ?,"
                + " completed_at = ? WHERE agency = ? AND linkage_id = ? AND status = 'QUEUED'")) {
      ps.setString(1, detail);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, agency);
      ps.setString(4, linkageId);
      return ps.executeUpdate() == 1;
    }
  }
}
