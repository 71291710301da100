package jp.linkage.hub.server.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.linkage.hub.server.api.AnswerDocument;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.support.Jdbc;

/**
 * Change notices (異動通知): the back-office says the master changed before the replica update arrives.
 * A notice is pending until a registration of that master change, or a newer one, arrives.
 */
final class ChangeNotices {
  private ChangeNotices() {}

  /** Records a notice; a repeated notice of the same change keeps the first one. */
  static void record(Connection c, ChangeNotice notice, Instant noticedAt, Instant deadline)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_change_notice (agency, item, local_id,"
                + " master_changed_at, noticed_at, deadline) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, notice.agency());
      ps.setString(2, notice.item());
      ps.setString(3, notice.localId());
      ps.setTimestamp(4, Timestamp.from(notice.masterChangedAt()));
      ps.setTimestamp(5, Timestamp.from(noticedAt));
      ps.setTimestamp(6, Jdbc.timestamp(deadline));
      ps.executeUpdate();
    }
  }

  /** A registration of the change at {@code masterChangedAt} resolves it and every older notice. */
  static void resolveUpTo(
      Connection c, String agency, String item, String localId, Instant masterChangedAt, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_change_notice SET resolved_at = ?"
                + " WHERE agency = ? AND item = ? AND local_id = ? AND master_changed_at <= ? AND resolved_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, agency);
      ps.setString(3, item);
      ps.setString(4, localId);
      ps.setTimestamp(5, Timestamp.from(masterChangedAt));
      ps.executeUpdate();
    }
  }

  /** The oldest notice for the person and item that no registration has followed yet. */
  static Optional<AnswerDocument.PendingChange> oldestPending(
      Connection c, String agency, String item, String localId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT master_changed_at, noticed_at, deadline"
                + " FROM is_change_notice WHERE agency = ? AND item = ? AND local_id = ? AND resolved_at IS NULL"
                + " ORDER BY master_changed_at LIMIT 1")) {
      ps.setString(1, agency);
      ps.setString(2, item);
      ps.setString(3, localId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new AnswerDocument.PendingChange(
                    rs.getTimestamp(1).toInstant(),
                    rs.getTimestamp(2).toInstant(),
                    Jdbc.instant(rs.getTimestamp(3))))
            : Optional.empty();
      }
    }
  }
}
