package jp.linkage.hub.iface.message;

/**
 * Hub → sender: a message could not be accepted. Says which field broke which rule.
 *
 * @param rejectedMessageId the envelope id, if it could be read
 * @param rejectedType the envelope type, if it could be read
 * @param field the offending field path, e.g. {@code data.procedure}
 * @param rule the rule broken, e.g. {@code required}, {@code unknown-type}
 * @param message human-readable explanation
 */
public record Rejection(
    @OptionalField String rejectedMessageId,
    @OptionalField String rejectedType,
    String field,
    String rule,
    String message) {}
