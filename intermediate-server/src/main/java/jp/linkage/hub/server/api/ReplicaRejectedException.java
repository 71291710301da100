package jp.linkage.hub.server.api;

import java.util.List;
import jp.linkage.hub.layout.Violation;

/**
 * A replica registration or change notice was refused: it broke the data standard layout (every
 * violated field and rule is listed) or another rule of registration (a master time in the future).
 */
public class ReplicaRejectedException extends Exception {
  /** One reason: the field (JSON Pointer, or a message field name), the rule and an explanation. */
  public record Problem(String field, String rule, String message) {}

  private final transient List<Violation> violations;
  private final transient List<Problem> problems;

  public ReplicaRejectedException(List<Violation> violations) {
    super("replica rejected: " + violations);
    this.violations = List.copyOf(violations);
    this.problems = violations.stream().map(v -> new Problem(v.fieldPath(), v.rule().name(), v.message())).toList();
  }

  /** A refusal by a registration rule that is not part of the layout. */
  public ReplicaRejectedException(String field, String rule, String message) {
    super("replica rejected: " + field + " " + rule + ": " + message);
    this.violations = List.of();
    this.problems = List.of(new Problem(field, rule, message));
  }

  /** The layout violations; empty when a registration rule refused it. */
  public List<Violation> violations() {
    return violations;
  }

  /** Every reason, layout violations included. */
  public List<Problem> problems() {
    return problems;
  }
}
