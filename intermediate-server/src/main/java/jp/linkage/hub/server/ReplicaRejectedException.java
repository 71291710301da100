package jp.linkage.hub.server;

import java.util.List;
import jp.linkage.hub.layout.Violation;

/** A replica registration broke the data standard layout; lists every violated field and rule. */
public class ReplicaRejectedException extends Exception {
  private final transient List<Violation> violations;

  public ReplicaRejectedException(List<Violation> violations) {
    super("replica rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
