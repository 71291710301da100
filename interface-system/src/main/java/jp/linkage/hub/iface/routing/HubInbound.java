package jp.linkage.hub.iface.routing;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.SymbolIssueRequest;

/**
 * What the core offers the interface system: one method per message type the hub accepts. Each
 * call must be durable when it returns and idempotent for a redelivered envelope. A method throws
 * {@link MalformedMessageException} when the message is well-formed but not acceptable; the router
 * turns that into a rejection to the sender.
 */
public interface HubInbound {
  void symbolIssueRequested(Envelope envelope, SymbolIssueRequest request)
      throws MalformedMessageException;

  void queryRequested(String querier, Envelope envelope, QueryRequest request)
      throws MalformedMessageException;

  void provisionAnswered(String provider, Envelope envelope, ProvisionAnswer answer)
      throws MalformedMessageException;
}
