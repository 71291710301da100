package jp.linkage.hub.iface.backoffice;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaAlertRaised;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;

/**
 * What a back-office receives from its intermediate server, one method per message type. A method
 * that throws makes the client retry the batch, so handlers must be idempotent (the envelope id
 * identifies a message across redeliveries).
 */
public interface BackOfficeListener {
  default void registered(Envelope envelope, ReplicaRegistered message) throws Exception {}

  default void noticeReceived(Envelope envelope, NoticeReceived message) throws Exception {}

  default void queryCompleted(Envelope envelope, QueryCompleted message) throws Exception {}

  default void alert(Envelope envelope, ReplicaAlertRaised message) throws Exception {}

  default void rejected(Envelope envelope, BackOfficeRejection message) throws Exception {}

  /** A record on the from-server topic that is not a valid server message; skipped by default. */
  default void unreadable(String topic, long offset, String field, String rule) {}
}
