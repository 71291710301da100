package jp.linkage.hub.core.api;

import java.time.Instant;
import jp.linkage.hub.iface.message.ReplicaAlertKind;

/**
 * An agency's intermediate server reported a replica alert (登録期限超過 and the like): which item, which
 * deadline, when; never which person. The PPC's monitoring views read it from the core.
 *
 * @param reportedAt when the hub received the report
 */
public record ReplicaAlertReportedEvent(
    String agency,
    long alertId,
    ReplicaAlertKind kind,
    String item,
    Instant masterChangedAt,
    Instant deadline,
    String linkageId,
    String detail,
    Instant raisedAt,
    Instant reportedAt) {}
