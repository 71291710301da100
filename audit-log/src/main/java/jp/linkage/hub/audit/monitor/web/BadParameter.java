package jp.linkage.hub.audit.monitor.web;

/** A request parameter broke a rule; answered with 400 and {@code {field, rule, message}}. */
final class BadParameter extends RuntimeException {
  private final String field;
  private final String rule;

  BadParameter(String field, String rule, String message) {
    super(message);
    this.field = field;
    this.rule = rule;
  }

  String field() {
    return field;
  }

  String rule() {
    return rule;
  }
}
