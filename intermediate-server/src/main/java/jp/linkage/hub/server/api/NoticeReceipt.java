package jp.linkage.hub.server.api;

import java.time.Instant;

/**
 * The receipt of a change notice (異動通知): the master changed, the replica will follow by {@code
 * deadline}. Until it does, answers about the person and item say a change is pending.
 *
 * @param deadline null for an item without a fixed window
 */
public record NoticeReceipt(
    ChangeNotice notice, Instant noticedAt, Instant deadline, Status status) {

  public enum Status {
    /** Recorded; answers show it until a registration of this change (or a newer one) arrives. */
    PENDING,
    /** The replica already holds this change or a newer one: nothing is pending. */
    ALREADY_REGISTERED
  }
}
