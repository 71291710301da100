package jp.linkage.hub.server.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One row of a replica file, converted: the document the layout expects, or why it was rejected.
 *
 * @param masterChangedAt null when the column could not be read (then {@code problems} say why)
 * @param problems empty when the row may be registered
 */
public record ReplicaRow(
    long line,
    String localId,
    Instant masterChangedAt,
    ObjectNode document,
    List<RowProblem> problems) {
  public ReplicaRow {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
