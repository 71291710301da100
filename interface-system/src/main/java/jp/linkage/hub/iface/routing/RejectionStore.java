package jp.linkage.hub.iface.routing;

/** Keeps every rejected message for inspection (invariant 6). */
@FunctionalInterface
public interface RejectionStore {
  /**
   * @param sender the agency (or {@code registry}) whose topic carried the message, never null
   * @param topic the topic and offset identify the original record in Kafka
   * @param redactedValue the record value with any 11- or 12-digit run masked
   */
  void keep(
      String sender,
      String topic,
      int partition,
      long offset,
      String messageId,
      String field,
      String rule,
      String message,
      String redactedValue);
}
