package jp.linkage.hub.iface.backoffice.message;

import java.time.Instant;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Server → back-office: a replica alert for the agency's staff (a row of {@code is_replica_alert}).
 *
 * @param alertId the alert's id, increasing per server; also the envelope's correlation id
 * @param kind OVERDUE, LATE_REGISTRATION or MANUAL_HANDLING
 * @param linkageId the query routed to the staff, for MANUAL_HANDLING
 */
public record ReplicaAlertRaised(
    long alertId,
    String kind,
    String item,
    String localId,
    @OptionalField Instant masterChangedAt,
    @OptionalField Instant deadline,
    @OptionalField String linkageId,
    String detail,
    Instant raisedAt) {}
