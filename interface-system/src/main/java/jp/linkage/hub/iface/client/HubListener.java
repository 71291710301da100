package jp.linkage.hub.iface.client;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;

/**
 * What an agency receives from the hub, one method per message type. Override what you handle.
 *
 * <p>A method that cannot handle its message now (its database or another system it needs failed)
 * throws {@link BatchFailedException}, with the failure as its cause; an unchecked exception has
 * the same effect. The client then commits nothing of the batch that carried the message and
 * delivers that batch again after a back-off, the messages before this one included, so methods
 * must be idempotent (the envelope id identifies a message across redeliveries). Do not throw for a
 * message that can never be handled: its batch would be delivered again and again.
 */
public interface HubListener {
  default void symbolIssued(Envelope envelope, SymbolIssued message) throws BatchFailedException {}

  default void provisionRequested(Envelope envelope, ProvisionRequest message)
      throws BatchFailedException {}

  default void answerDelivered(Envelope envelope, AnswerDelivery message)
      throws BatchFailedException {}

  default void queryDenied(Envelope envelope, QueryDenied message) throws BatchFailedException {}

  default void rejected(Envelope envelope, Rejection message) throws BatchFailedException {}

  /**
   * A record on the agency's topic that is not a valid hub message; logged and skipped by default.
   */
  default void unreadable(String topic, long offset, String field, String rule) {}
}
