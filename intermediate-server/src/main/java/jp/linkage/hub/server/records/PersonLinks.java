package jp.linkage.hub.server.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The agency's local id ↔ symbol (利用番号 ↔ 機関別符号) mapping; only the agency holds it. */
public final class PersonLinks {
  private PersonLinks() {}

  public static Optional<Symbol> symbolOf(Connection c, String agency, String localId)
      throws SQLException {
    return single(
            c,
            "SELECT symbol FROM is_person_link WHERE agency = ? AND local_id = ? AND symbol IS NOT NULL",
            agency,
            localId)
        .map(Symbol::new);
  }

  /** Which of {@code localIds} the agency holds a symbol for (one statement, however many ids). */
  public static Set<String> withSymbol(Connection c, String agency, Collection<String> localIds)
      throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT local_id FROM is_person_link WHERE agency = ?"
                + " AND local_id = ANY (?) AND symbol IS NOT NULL")) {
      ps.setString(1, agency);
      ps.setArray(2, c.createArrayOf("text", localIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  public static Optional<String> localIdOf(Connection c, String agency, Symbol symbol)
      throws SQLException {
    return single(
        c,
        "SELECT local_id FROM is_person_link WHERE agency = ? AND symbol = ?",
        agency,
        symbol.encoded());
  }

  /**
   * The agency asked the registry for the person's symbol; {@link #link} follows when it arrives.
   */
  public static void symbolRequested(
      Connection c, String agency, String requestRef, String localId, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_symbol_request (agency,"
                + " request_ref, local_id, requested_at) VALUES (?,?,?,?)")) {
      ps.setString(1, agency);
      ps.setString(2, requestRef);
      ps.setString(3, localId);
      ps.setTimestamp(4, java.sql.Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  public static void link(Connection c, String agency, String localId, Symbol symbol)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_person_link (agency, local_id, symbol)"
                + " VALUES (?,?,?) ON CONFLICT (agency, local_id) DO UPDATE SET symbol = EXCLUDED.symbol")) {
      ps.setString(1, agency);
      ps.setString(2, localId);
      ps.setString(3, symbol.encoded());
      ps.executeUpdate();
    }
  }

  private static Optional<String> single(Connection c, String sql, String a, String b)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
