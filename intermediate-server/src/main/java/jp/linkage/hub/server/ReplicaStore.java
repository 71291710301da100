package jp.linkage.hub.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.linkage.hub.audit.ChainAppender;
import jp.linkage.hub.server.AccessLog.Access;

/** Reads and writes the replica (副本); every access is in the access log, same transaction. */
final class ReplicaStore {
  private ReplicaStore() {}

  static void write(Connection c, ReplicaRecord r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO is_replica (agency, item, local_id,"
        + " edition, document, master_changed_at, registered_at) VALUES (?,?,?,?,?,?,?)"
        + " ON CONFLICT (agency, item, local_id) DO UPDATE SET edition = EXCLUDED.edition,"
        + " document = EXCLUDED.document, master_changed_at = EXCLUDED.master_changed_at,"
        + " registered_at = EXCLUDED.registered_at")) {
      ps.setString(1, r.agency());
      ps.setString(2, r.item());
      ps.setString(3, r.localId());
      ps.setString(4, r.edition());
      ps.setString(5, Json.write(r.document()));
      ps.setTimestamp(6, Timestamp.from(r.masterChangedAt()));
      ps.setTimestamp(7, Timestamp.from(r.registeredAt()));
      ps.executeUpdate();
    }
    AccessLog.append(c, r.agency(), Access.WRITE, r.item(), r.localId(), "registration", r.registeredAt());
  }

  /** @param accessLog the transaction's access-log appender; flushed by the caller before commit */
  static Optional<ReplicaRecord> read(Connection c, ChainAppender accessLog, String agency, String item,
      String localId, String purpose, Instant at) throws SQLException {
    AccessLog.append(accessLog, agency, Access.READ, item, localId, purpose, at);
    try (PreparedStatement ps = c.prepareStatement("SELECT edition, document, master_changed_at,"
        + " registered_at FROM is_replica WHERE agency = ? AND item = ? AND local_id = ?")) {
      ps.setString(1, agency);
      ps.setString(2, item);
      ps.setString(3, localId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new ReplicaRecord(agency, item, localId, rs.getString(1),
            Json.read(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
      }
    }
  }
}
