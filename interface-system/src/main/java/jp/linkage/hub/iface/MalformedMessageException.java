package jp.linkage.hub.iface;

/**
 * A message broke a rule of the envelope or payload schema. Carries the field path and the rule so
 * that the rejection sent back to the sender is specific.
 */
public class MalformedMessageException extends Exception {
  private final String field;
  private final String rule;

  public MalformedMessageException(String field, String rule, String message) {
    super(message);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
