package jp.linkage.hub.iface.backoffice;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaAlertRaised;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;
import jp.linkage.hub.iface.kafka.BatchFailedException;

/**
 * What a back-office receives from its intermediate server, one method per message type.
 *
 * <p>A method that cannot handle its message now (its database or another system it needs failed)
 * throws {@link BatchFailedException}, with the failure as its cause; an unchecked exception has
 * the same effect. The client then commits nothing of the batch that carried the message and
 * delivers that batch again after a back-off, the messages before this one included, so methods
 * must be idempotent (the envelope id identifies a message across redeliveries). Do not throw for a
 * message that can never be handled: its batch would be delivered again and again.
 */
public interface BackOfficeListener {
  default void registered(Envelope envelope, ReplicaRegistered message)
      throws BatchFailedException {}

  default void noticeReceived(Envelope envelope, NoticeReceived message)
      throws BatchFailedException {}

  default void queryCompleted(Envelope envelope, QueryCompleted message)
      throws BatchFailedException {}

  default void alert(Envelope envelope, ReplicaAlertRaised message) throws BatchFailedException {}

  default void rejected(Envelope envelope, BackOfficeRejection message)
      throws BatchFailedException {}

  /** A record on the from-server topic that is not a valid server message; skipped by default. */
  default void unreadable(String topic, long offset, String field, String rule) {}
}
