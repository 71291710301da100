package jp.linkage.hub.iface.routing;

import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.iface.message.SymbolIssueRequest;

/**
 * What the core offers the interface system: one method per message type the hub accepts. Each call
 * must be durable when it returns (or, inside {@link #inOneTransaction}, when that returns) and
 * idempotent for a redelivered envelope. A method throws {@link MalformedMessageException} when the
 * message is well-formed but not acceptable; the router turns that into a rejection to the sender.
 */
public interface HubInbound {
  void symbolIssueRequested(Envelope envelope, SymbolIssueRequest request)
      throws MalformedMessageException;

  void queryRequested(String querier, Envelope envelope, QueryRequest request)
      throws MalformedMessageException;

  void provisionAnswered(String provider, Envelope envelope, ProvisionAnswer answer)
      throws MalformedMessageException;

  /** An agency's replica alert, for the monitoring views; a redelivered report changes nothing. */
  void replicaAlertReported(String agency, Envelope envelope, ReplicaAlertReport report)
      throws MalformedMessageException;

  /**
   * The routing of one polled batch. It rejects bad records itself, so what it throws is unchecked:
   * a failure of the core (the database) that leaves the batch to be polled again.
   */
  @FunctionalInterface
  interface BatchWork {
    void run();
  }

  /**
   * Runs the calls {@code work} makes as one transaction, so a polled batch costs one commit; its
   * effects are durable when this returns and none of them persist when it throws. By default each
   * call commits on its own.
   */
  default void inOneTransaction(BatchWork work) {
    work.run();
  }
}
