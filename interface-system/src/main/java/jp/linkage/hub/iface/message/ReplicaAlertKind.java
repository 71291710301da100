package jp.linkage.hub.iface.message;

/**
 * What a replica alert (登録期限に関する警告) says; the intermediate server raises them (docs/freshness.md).
 */
public enum ReplicaAlertKind {
  /** A noticed master change is still not registered in the replica after its deadline (登録期限超過). */
  OVERDUE,
  /** A master change was registered after its deadline. */
  LATE_REGISTRATION,
  /** A query was routed to the agency's staff because a change was pending (manual handling). */
  MANUAL_HANDLING
}
