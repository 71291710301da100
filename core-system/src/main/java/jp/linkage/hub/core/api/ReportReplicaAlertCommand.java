package jp.linkage.hub.core.api;

import java.time.Instant;
import jp.linkage.hub.iface.message.ReplicaAlertKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an agency's replica alert into the event log once; a redelivered report changes nothing. */
public record ReportReplicaAlertCommand(
    @TargetAggregateIdentifier String reportId,
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
