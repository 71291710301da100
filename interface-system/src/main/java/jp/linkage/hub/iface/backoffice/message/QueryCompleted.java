package jp.linkage.hub.iface.backoffice.message;

import com.fasterxml.jackson.databind.JsonNode;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Server → back-office: a query sent over the link reached its final state. The answer was opened
 * (decrypted, signature checked) by the intermediate server; the back-office reads it in the clear.
 *
 * @param status ANSWERED, DENIED, REJECTED or FAILED
 * @param outcome the provider's outcome when answered (PROVIDED, NO_RECORD, UNKNOWN_PERSON, ...)
 * @param answer the answer document (item, edition, asOf, masterChangedAt, freshness, data) when
 *     PROVIDED
 * @param detail the denial or rejection reason, or why opening failed
 */
public record QueryCompleted(
    String linkageId,
    String localId,
    String procedure,
    String provider,
    String item,
    String status,
    @OptionalField String outcome,
    @OptionalField JsonNode answer,
    @OptionalField String detail) {}
