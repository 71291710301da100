package jp.linkage.hub.layout;

import java.util.Objects;

/**
 * One way in which a document breaks its layout.
 *
 * @param item information item code the document claims to be
 * @param edition layout edition it was checked against
 * @param fieldPath JSON Pointer of the offending value, e.g. {@code /dateOfBirth}; {@code ""} for
 *     the whole document
 * @param rule the rule broken
 * @param message readable explanation naming field and rule
 */
public record Violation(String item, String edition, String fieldPath, Rule rule, String message) {

  public Violation {
    Objects.requireNonNull(fieldPath, "fieldPath");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }
}
