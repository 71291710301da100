package jp.linkage.hub.server.api;

import java.time.Instant;

/**
 * An alert about replica freshness for the agency's staff (and the monitoring views).
 *
 * @param kind OVERDUE (a noticed change is still not registered after its deadline),
 *     LATE_REGISTRATION (a change was registered after its deadline) or MANUAL_HANDLING (a query
 *     was routed to the staff because a change was pending; {@code linkageId} names it)
 * @param linkageId only for MANUAL_HANDLING
 */
public record ReplicaAlert(
    long id,
    String agency,
    String kind,
    String item,
    String localId,
    Instant masterChangedAt,
    Instant deadline,
    String linkageId,
    String detail,
    Instant raisedAt) {

  public static final String OVERDUE = "OVERDUE";
  public static final String LATE_REGISTRATION = "LATE_REGISTRATION";
  public static final String MANUAL_HANDLING = "MANUAL_HANDLING";
}
