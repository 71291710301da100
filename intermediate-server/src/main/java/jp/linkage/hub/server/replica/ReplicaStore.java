package jp.linkage.hub.server.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.records.AccessLog;
import jp.linkage.hub.server.records.AccessLog.Access;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.Json;

/** Reads and writes the replica (副本); every access is in the access log, same transaction. */
public final class ReplicaStore {
  private ReplicaStore() {}

  /**
   * @param accessLog the transaction's access-log appender; flushed by the caller before commit
   */
  public static void write(Connection c, ChainAppender accessLog, ReplicaRecord r)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_replica (agency, item, local_id,"
                + " edition, document, master_changed_at, registered_at, deadline) VALUES (?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (agency, item, local_id) DO UPDATE SET edition = EXCLUDED.edition,"
                + " document = EXCLUDED.document, master_changed_at = EXCLUDED.master_changed_at,"
                + " registered_at = EXCLUDED.registered_at, deadline = EXCLUDED.deadline")) {
      ps.setString(1, r.agency());
      ps.setString(2, r.item().code());
      ps.setString(3, r.localId());
      ps.setString(4, r.item().edition());
      ps.setString(5, Json.write(r.document()));
      ps.setTimestamp(6, Timestamp.from(r.masterChangedAt()));
      ps.setTimestamp(7, Timestamp.from(r.registeredAt()));
      ps.setTimestamp(8, r.deadline() == null ? null : Timestamp.from(r.deadline()));
      ps.executeUpdate();
    }
    AccessLog.append(
        accessLog,
        r.agency(),
        Access.WRITE,
        r.item().code(),
        r.localId(),
        "registration",
        r.registeredAt());
  }

  /** What the replica holds now for a person and item, for a registration to compare with. */
  record Current(Instant masterChangedAt, boolean sameContent) {}

  /**
   * The stored state's master time, and whether its edition and document equal {@code update}'s;
   * locks the row so that concurrent registrations of one person and item apply in order.
   */
  static Optional<Current> current(Connection c, ReplicaUpdate update) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT master_changed_at, edition = ? AND document = ?"
                + " FROM is_replica WHERE agency = ? AND item = ? AND local_id = ? FOR UPDATE")) {
      ps.setString(1, update.item().edition());
      ps.setString(2, Json.write(update.document()));
      ps.setString(3, update.agency());
      ps.setString(4, update.item().code());
      ps.setString(5, update.localId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Current(rs.getTimestamp(1).toInstant(), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  /**
   * The master time the replica holds for a person and item, if any (metadata only, no data read).
   */
  static Optional<Instant> masterChangedAt(Connection c, String agency, String item, String localId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT master_changed_at FROM is_replica"
                + " WHERE agency = ? AND item = ? AND local_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, item);
      ps.setString(3, localId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  /**
   * @param accessLog the transaction's access-log appender; flushed by the caller before commit
   */
  static Optional<ReplicaRecord> read(
      Connection c,
      ChainAppender accessLog,
      String agency,
      String item,
      String localId,
      String purpose,
      Instant at)
      throws SQLException {
    AccessLog.append(accessLog, agency, Access.READ, item, localId, purpose, at);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT edition, document, master_changed_at,"
                + " registered_at, deadline FROM is_replica WHERE agency = ? AND item = ? AND local_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, item);
      ps.setString(3, localId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ReplicaRecord(
                agency,
                new ItemRef(item, rs.getString(1)),
                localId,
                Json.read(rs.getString(2)),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                Jdbc.instant(rs.getTimestamp(5))));
      }
    }
  }
}
