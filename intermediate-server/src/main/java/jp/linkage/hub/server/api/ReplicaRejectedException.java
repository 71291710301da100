package jp.linkage.hub.server.api;

import java.util.List;

/**
 * A replica registration or change notice was refused: it broke the data standard layout (every
 * violated field and rule is listed) or another rule of registration (a master time in the future).
 */
public class ReplicaRejectedException extends Exception {
  /** One reason: the field (JSON Pointer, or a message field name), the rule and an explanation. */
  public record Problem(String field, String rule, String message) {}

  private final transient List<Problem> problems;

  /**
   * A refusal by the layout: one problem per violation, {@code violations} describing them all for
   * the exception's message.
   */
  public ReplicaRejectedException(List<Problem> problems, String violations) {
    super("replica rejected: " + violations);
    this.problems = List.copyOf(problems);
  }

  /** A refusal by a registration rule that is not part of the layout. */
  public ReplicaRejectedException(String field, String rule, String message) {
    super("replica rejected: " + field + " " + rule + ": " + message);
    this.problems = List.of(new Problem(field, rule, message));
  }

  /** Every reason, layout violations included. */
  public List<Problem> problems() {
    return problems;
  }
}
