package jp.linkage.hub.server.alerts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.message.ReplicaAlertKind;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.outbox.Outbox;

/**
 * Reports replica alerts to the hub, for the PPC's monitoring views: the item, the times and the
 * detail line, never the local id (the hub has no use for the person, and must not learn who it
 * is).
 */
public final class HubAlertReports {
  private HubAlertReports() {}

  /** Queues the alert's report in the outbox, in the forwarding transaction. */
  public static void queue(Connection c, EnvelopeCodec codec, ReplicaAlert a) throws SQLException {
    String key = "alert-" + a.id();
    // the envelope id follows from the alert, so a report made twice is recognisably the same
    // message
    String id =
        UUID.nameUUIDFromBytes(
                ("replica-alert/" + a.agency() + "/" + a.id()).getBytes(StandardCharsets.UTF_8))
            .toString();
    int max = ReplicaAlertReport.MAX_DETAIL;
    String detail =
        a.detail().length() <= max ? a.detail() : a.detail().substring(0, max - 1) + "…";
    ReplicaAlertReport report =
        new ReplicaAlertReport(
            a.id(),
            ReplicaAlertKind.valueOf(a.kind()),
            a.item(),
            a.masterChangedAt(),
            a.deadline(),
            a.linkageId(),
            detail,
            a.raisedAt());
    Envelope envelope =
        codec.envelope(
            id, Envelope.agencySource(a.agency()), MessageType.REPLICA_ALERT_REPORTED, key, report);
    Outbox.add(c, codec, TopicLayout.toHub(a.agency()), key, envelope);
  }
}
