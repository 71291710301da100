package jp.linkage.hub.server.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.SignalledWorker;

/**
 * Forwards the hosted agencies' replica alerts (is_replica_alert: OVERDUE, LATE_REGISTRATION,
 * MANUAL_HANDLING) to one destination: the agencies' back-offices, or the hub for the PPC's
 * monitoring views. An alert is marked forwarded (one marker table per destination) in the same
 * transaction as its outbox row, so each goes out once whichever part of the server raised it; a
 * marker per alert rather than a cursor, since alert ids may commit out of order.
 */
public final class AlertForwarder extends SignalledWorker<RuntimeException> {
  private static final int BATCH = 500;

  /** Writes one alert's outbox row in the forwarding transaction. */
  @FunctionalInterface
  public interface Destination {
    void forward(Connection c, ReplicaAlert alert) throws SQLException;
  }

  private final DataSource dataSource;
  private final List<String> agencies;
  private final String markerTable;
  private final Destination destination;
  private final Runnable relaySoon;

  /**
   * @param markerTable a table {@code (alert_id bigint PRIMARY KEY)} of the alerts already
   *     forwarded
   */
  public AlertForwarder(
      DataSource dataSource,
      List<String> agencies,
      String markerTable,
      Destination destination,
      Runnable relaySoon,
      long periodMs,
      String name) {
    super(periodMs, name);
    if (!markerTable.matches("is_[a-z_]+")) {
      throw new IllegalArgumentException("invalid marker table " + markerTable);
    }
    this.dataSource = dataSource;
    this.agencies = List.copyOf(agencies);
    this.markerTable = markerTable;
    this.destination = destination;
    this.relaySoon = relaySoon;
    start();
  }

  public void wake() {
    signal();
  }

  @Override
  protected void work() throws SQLException {
    int forwarded = 0;
    int n;
    do {
      n = Jdbc.inTransaction(dataSource, this::forwardSome);
      forwarded += n;
    } while (n == BATCH);
    if (forwarded > 0) {
      relaySoon.run();
    }
  }

  private int forwardSome(Connection c) throws SQLException {
    List<ReplicaAlert> alerts = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, agency, kind, item, local_id, master_changed_at,"
                + " deadline, linkage_id, detail, raised_at FROM is_replica_alert a WHERE agency = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM "
                + markerTable
                + " s WHERE s.alert_id = a.id) ORDER BY id LIMIT ?")) {
      ps.setArray(1, c.createArrayOf("text", agencies.toArray()));
      ps.setInt(2, BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(
              new ReplicaAlert(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  Jdbc.instant(rs.getTimestamp(6)),
                  Jdbc.instant(rs.getTimestamp(7)),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getTimestamp(10).toInstant()));
        }
      }
    }
    int sent = 0;
    try (PreparedStatement mark =
        c.prepareStatement(
            "INSERT INTO " + markerTable + " (alert_id) VALUES (?) ON CONFLICT DO NOTHING")) {
      for (ReplicaAlert a : alerts) {
        mark.setLong(1, a.id());
        if (mark.executeUpdate() == 1) { // another server process may have taken it meanwhile
          destination.forward(c, a);
          sent++;
        }
      }
    }
    return alerts.size() == BATCH ? BATCH : sent;
  }
}
