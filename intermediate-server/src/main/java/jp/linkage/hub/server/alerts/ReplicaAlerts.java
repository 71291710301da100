package jp.linkage.hub.server.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.support.Jdbc;

/**
 * Replica alerts (is_replica_alert). Each is raised once: a key per kind and cause (the change, or
 * the linkage for manual handling) makes a repeated detection a no-op.
 */
public final class ReplicaAlerts {
  private ReplicaAlerts() {}

  /** Raises a LATE_REGISTRATION or MANUAL_HANDLING alert in the caller's transaction. */
  public static void raise(Connection c, ReplicaAlert a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_replica_alert (agency, kind, item,"
                + " local_id, master_changed_at, deadline, linkage_id, detail, raised_at, alert_key)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (agency, alert_key) DO NOTHING")) {
      ps.setString(1, a.agency());
      ps.setString(2, a.kind());
      ps.setString(3, a.item());
      ps.setString(4, a.localId());
      ps.setTimestamp(5, Jdbc.timestamp(a.masterChangedAt()));
      ps.setTimestamp(6, Jdbc.timestamp(a.deadline()));
      ps.setString(7, a.linkageId());
      ps.setString(8, a.detail());
      ps.setTimestamp(9, Timestamp.from(a.raisedAt()));
      ps.setString(
          10,
          a.kind()
              + "|"
              + (a.linkageId() != null
                  ? a.linkageId()
                  : a.item() + "|" + a.localId() + "|" + a.masterChangedAt()));
      ps.executeUpdate();
    }
  }

  /**
   * Raises OVERDUE for every pending notice past its deadline, once each; returns how many are new.
   * Runs every second: notices already alerted are skipped by the unique key's index rather than
   * re-inserted (the conflict clause only covers a concurrent sweep).
   */
  public static int raiseOverdue(Connection c, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_replica_alert (agency, kind, item,"
                + " local_id, master_changed_at, deadline, detail, raised_at, alert_key)"
                + " SELECT agency, 'OVERDUE', item, local_id, master_changed_at, deadline,"
                + " 'the master changed but the replica was not registered by its deadline', ?, alert_key"
                + " FROM (SELECT n.*, 'OVERDUE|' || n.item || '|' || n.local_id || '|' || n.master_changed_at AS alert_key"
                + " FROM is_change_notice n WHERE n.resolved_at IS NULL AND n.deadline < ?) overdue"
                + " WHERE NOT EXISTS (SELECT 1 FROM is_replica_alert a"
                + " WHERE a.agency = overdue.agency AND a.alert_key = overdue.alert_key)"
                + " ON CONFLICT (agency, alert_key) DO NOTHING")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now));
      return ps.executeUpdate();
    }
  }

  public static List<ReplicaAlert> list(Connection c, String agency, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, kind, item, local_id, master_changed_at,"
                + " deadline, linkage_id, detail, raised_at FROM is_replica_alert WHERE agency = ? AND id > ?"
                + " ORDER BY id LIMIT ?")) {
      ps.setString(1, agency);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      List<ReplicaAlert> alerts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(
              new ReplicaAlert(
                  rs.getLong(1),
                  agency,
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Jdbc.instant(rs.getTimestamp(5)),
                  Jdbc.instant(rs.getTimestamp(6)),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant()));
        }
      }
      return alerts;
    }
  }
}
