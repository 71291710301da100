package jp.linkage.hub.server.freshness;

/**
 * What the provider's automatic answer does while a change notice (異動通知) for the person and item is
 * pending, i.e. the master changed but the replica has not caught up yet.
 */
public enum WhilePending {
  /** Answer from the replica at once, marked CHANGE_PENDING with the notice's deadline. */
  WARN,
  /**
   * Hold the answer until the replica is registered (then answer it fresh), at most the item's
   * {@code deferFor}; after that, answer with the warning as {@link #WARN} would.
   */
  DEFER,
  /**
   * Do not answer automatically: answer MANUAL_HANDLING (no data) and raise a manual-handling alert
   * for the provider's staff (手動応答).
   */
  MANUAL
}
