package jp.linkage.hub.iface.message;

import java.time.Instant;

/**
 * Intermediate server → hub: one of the agency's replica alerts, for the PPC's monitoring views. It
 * names the item and the times, never the person: no local id, no symbol.
 *
 * @param alertId the alert's number at the agency's intermediate server (unique per agency)
 * @param masterChangedAt when the master changed (OVERDUE, LATE_REGISTRATION)
 * @param deadline the replica's registration deadline (登録期限)
 * @param linkageId the query routed to the staff (MANUAL_HANDLING)
 * @param detail one line for people
 */
public record ReplicaAlertReport(
    long alertId,
    ReplicaAlertKind kind,
    String item,
    @OptionalField Instant masterChangedAt,
    @OptionalField Instant deadline,
    @OptionalField String linkageId,
    String detail,
    Instant raisedAt) {

  /** The longest detail line the hub accepts; the intermediate server shortens longer ones. */
  public static final int MAX_DETAIL = 500;
}
