package jp.linkage.hub.core.api;

/**
 * A command broke a rule of the linkage (e.g. an answer from an agency that is not the linkage's
 * provider). Names the field and the rule for the rejection sent back to the sender.
 */
public class LinkageRejectedException extends RuntimeException {
  private final String field;
  private final String rule;

  public LinkageRejectedException(String field, String rule, String message) {
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
