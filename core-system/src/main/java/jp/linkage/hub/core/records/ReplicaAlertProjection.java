package jp.linkage.hub.core.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;
import jp.linkage.hub.core.api.ReplicaAlertReportedEvent;
import org.axonframework.eventhandling.EventHandler;

/**
 * The agencies' replica alerts as the hub knows them ({@code core_replica_alert}), for the PPC's
 * monitoring views. Runs in the provision-records processor's transaction, so a row and its token
 * commit together; the key makes a replayed event a no-op.
 */
public final class ReplicaAlertProjection {
  private final Supplier<Connection> connection;

  public ReplicaAlertProjection(Supplier<Connection> connection) {
    this.connection = connection;
  }

  @EventHandler
  void on(ReplicaAlertReportedEvent e) throws SQLException {
    try (PreparedStatement ps =
        connection
            .get()
            .prepareStatement(
                "INSERT INTO core_replica_alert (agency,"
                    + " alert_id, kind, item, master_changed_at, deadline, linkage_id, detail, raised_at, reported_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (agency, alert_id) DO NOTHING")) {
      ps.setString(1, e.agency());
      ps.setLong(2, e.alertId());
      ps.setString(3, e.kind().name());
      ps.setString(4, e.item());
      ps.setTimestamp(5, timestamp(e.masterChangedAt()));
      ps.setTimestamp(6, timestamp(e.deadline()));
      ps.setString(7, e.linkageId());
      ps.setString(8, e.detail());
      ps.setTimestamp(9, timestamp(e.raisedAt()));
      ps.setTimestamp(10, timestamp(e.reportedAt()));
      ps.executeUpdate();
    }
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
