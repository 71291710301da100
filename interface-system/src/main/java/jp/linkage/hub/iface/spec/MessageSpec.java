package jp.linkage.hub.iface.spec;

import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import jp.linkage.hub.iface.message.SymbolIssued;

/**
 * What the published specification says about one message type: its payload record, the topic it
 * travels on and a one-line summary. The switch has no default, so a new {@link MessageType} does
 * not compile until it is described here.
 *
 * @param type the message type
 * @param payload the record in {@code data}
 * @param channel the topic family it travels on
 * @param summary one line for readers of the AsyncAPI document
 */
public record MessageSpec(
    MessageType type, Class<? extends Record> payload, Channel channel, String summary) {

  /** The topic families of {@link jp.linkage.hub.iface.TopicLayout}. */
  public enum Channel {
    /** {@code ipn.registry.to-hub}: written by the resident registry (住基ネット). */
    REGISTRY_TO_HUB,
    /** {@code ipn.{agency}.to-hub}: written by the agency. */
    AGENCY_TO_HUB,
    /** {@code ipn.{agency}.from-hub}: written by the hub, read by the agency. */
    AGENCY_FROM_HUB
  }

  public static MessageSpec of(MessageType type) {
    return switch (type) {
      case SYMBOL_ISSUE_REQUESTED ->
          new MessageSpec(
              type,
              SymbolIssueRequest.class,
              Channel.REGISTRY_TO_HUB,
              "Resident registry → hub: issue the agency symbol (機関別符号) from the person's curve point.");
      case SYMBOL_ISSUED ->
          new MessageSpec(
              type,
              SymbolIssued.class,
              Channel.AGENCY_FROM_HUB,
              "Hub → agency: the agency symbol for the agency's earlier request.");
      case QUERY_REQUESTED ->
          new MessageSpec(
              type,
              QueryRequest.class,
              Channel.AGENCY_TO_HUB,
              "Querier → hub: 情報照会. The envelope id is the linkage id.");
      case PROVISION_REQUESTED ->
          new MessageSpec(
              type,
              ProvisionRequest.class,
              Channel.AGENCY_FROM_HUB,
              "Hub → provider: answer this authorised query from the replica (情報提供の求め).");
      case PROVISION_ANSWERED ->
          new MessageSpec(
              type,
              ProvisionAnswer.class,
              Channel.AGENCY_TO_HUB,
              "Provider → hub: the sealed answer (情報提供); sealedPayload is CMS, plaintext an answer document.");
      case ANSWER_DELIVERED ->
          new MessageSpec(
              type,
              AnswerDelivery.class,
              Channel.AGENCY_FROM_HUB,
              "Hub → querier: the sealed answer, addressed with the querier's own symbol.");
      case QUERY_DENIED ->
          new MessageSpec(
              type,
              QueryDenied.class,
              Channel.AGENCY_FROM_HUB,
              "Hub → querier: the permission table does not allow the query.");
      case MESSAGE_REJECTED ->
          new MessageSpec(
              type,
              Rejection.class,
              Channel.AGENCY_FROM_HUB,
              "Hub → sender: the message was malformed or not allowed, with field and rule.");
      case REPLICA_ALERT_REPORTED ->
          new MessageSpec(
              type,
              ReplicaAlertReport.class,
              Channel.AGENCY_TO_HUB,
              "Intermediate server → hub: a replica alert (登録期限超過 etc.) for the PPC's monitoring views;"
                  + " names the item and times, never the person.");
    };
  }

  /** Lower camel case key, e.g. {@code queryRequested} for QUERY_REQUESTED. */
  public String key() {
    StringBuilder key = new StringBuilder();
    for (String word : type.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      key.append(
          key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return key.toString();
  }
}
