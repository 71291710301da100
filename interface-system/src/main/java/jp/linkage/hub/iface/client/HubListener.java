package jp.linkage.hub.iface.client;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;

/**
 * What an agency receives from the hub, one method per message type. Override what you handle; a
 * method that throws makes the client retry the batch, so handlers must be idempotent (the envelope
 * id identifies a message across redeliveries).
 */
public interface HubListener {
  default void symbolIssued(Envelope envelope, SymbolIssued message) throws Exception {}

  default void provisionRequested(Envelope envelope, ProvisionRequest message) throws Exception {}

  default void answerDelivered(Envelope envelope, AnswerDelivery message) throws Exception {}

  default void queryDenied(Envelope envelope, QueryDenied message) throws Exception {}

  default void rejected(Envelope envelope, Rejection message) throws Exception {}

  /** A record on the agency's topic that is not a valid hub message; logged and skipped by default. */
  default void unreadable(String topic, long offset, String field, String rule) {}
}
