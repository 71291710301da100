package jp.linkage.hub.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a querier's back-office sees of one of its queries.
 *
 * @param status QUEUED (a bulk query not yet sent), SENT, ANSWERED, DENIED, REJECTED or FAILED
 * @param outcome the provider's outcome when answered (PROVIDED, NO_RECORD, UNKNOWN_PERSON,
 *     RECORD_INVALID)
 * @param answer the opened answer document (item, edition, asOf, data) when PROVIDED
 * @param detail the denial or rejection reason, or why opening failed
 */
public record QueryResult(
    String linkageId,
    String localId,
    String procedure,
    String provider,
    String item,
    String status,
    String outcome,
    JsonNode answer,
    String detail) {

  public boolean isFinal() {
    return !"SENT".equals(status) && !"QUEUED".equals(status);
  }
}
