package jp.linkage.hub.iface;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every message type on the hub's topics, with the direction it travels and its payload class. The
 * wire name follows CloudEvents reverse-DNS naming.
 */
public enum MessageType {
  /** Resident registry → hub: make a symbol for this agency from the person's curve point. */
  SYMBOL_ISSUE_REQUESTED("jp.ipn.symbol.issue-requested"),
  /** Hub → agency: the agency symbol (機関別符号) for the agency's request. */
  SYMBOL_ISSUED("jp.ipn.symbol.issued"),
  /** Querier agency → hub: 情報照会. */
  QUERY_REQUESTED("jp.ipn.linkage.query-requested"),
  /** Hub → provider agency: please answer this authorised query (情報提供の求め). */
  PROVISION_REQUESTED("jp.ipn.linkage.provision-requested"),
  /** Provider agency → hub: the sealed answer (情報提供). */
  PROVISION_ANSWERED("jp.ipn.linkage.provision-answered"),
  /** Hub → querier agency: the sealed answer, addressed with the querier's symbol. */
  ANSWER_DELIVERED("jp.ipn.linkage.answer-delivered"),
  /** Hub → querier agency: the permission table does not allow the query. */
  QUERY_DENIED("jp.ipn.linkage.query-denied"),
  /** Hub → sender: the message was malformed or not allowed, with field and rule. */
  MESSAGE_REJECTED("jp.ipn.message.rejected"),
  /**
   * Agency → hub: a replica alert (overdue registration etc.) for the monitoring views, without the
   * person.
   */
  REPLICA_ALERT_REPORTED("jp.ipn.replica.alert-reported");

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<MessageType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
