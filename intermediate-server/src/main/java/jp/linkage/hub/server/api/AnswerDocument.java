package jp.linkage.hub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * The plaintext inside a sealed answer: the replica record and how fresh it is. It names the
 * linkage and the querier it answers, under the provider's signature, so that a signed answer
 * cannot be re-encrypted to another agency or replayed into another linkage (the querier checks
 * both).
 *
 * @param linkageId the linkage this answers
 * @param querier the agency the answer is for
 * @param asOf when the replica last received a change from the master
 * @param masterChangedAt when the master changed for that replica state
 * @param freshness whether the master has changed since (a pending change notice) and the deadlines
 */
public record AnswerDocument(
    String linkageId,
    String querier,
    String item,
    String edition,
    Instant asOf,
    Instant masterChangedAt,
    Freshness freshness,
    JsonNode data) {

  /**
   * How far the answer can be trusted to reflect the master (case 5: an answer must never silently
   * say "still insured" when the insurer's master already says otherwise).
   *
   * @param status FRESH (no change pending), CHANGE_PENDING (the master changed, the replica is due
   *     by the pending change's deadline) or CHANGE_OVERDUE (that deadline has passed)
   * @param deadline the registration deadline the replica's own state was due by; null when the
   *     item has no fixed window
   * @param pendingChange the oldest change notice not yet followed by a registration, if any
   */
  public record Freshness(
      Status status, @OptionalField Instant deadline, @OptionalField PendingChange pendingChange) {}

  /**
   * A change notice (異動通知) the replica has not caught up with; {@code deadline} null if none fixed.
   */
  public record PendingChange(
      Instant masterChangedAt, Instant noticedAt, @OptionalField Instant deadline) {}

  public enum Status {
    FRESH,
    CHANGE_PENDING,
    CHANGE_OVERDUE
  }
}
