package jp.linkage.hub.iface.backoffice.message;

import java.util.List;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Server → back-office: a message was not accepted, as the hub's rejections say it: which field
 * broke which rule. A layout violation lists every violated field in {@code problems}; {@code
 * field} and {@code rule} repeat the first.
 *
 * @param rejectedMessageId the envelope id, if it could be read
 * @param rejectedType the envelope type, if it could be read
 */
public record BackOfficeRejection(
    @OptionalField String rejectedMessageId,
    @OptionalField String rejectedType,
    String field,
    String rule,
    String message,
    @OptionalField List<Problem> problems) {

  /** One violated rule. */
  public record Problem(String field, String rule, String message) {}
}
