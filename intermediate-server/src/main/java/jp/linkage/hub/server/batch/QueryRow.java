package jp.linkage.hub.server.batch;

import java.util.List;

/**
 * One row of a query file: a query (情報照会) the agency asks, or why it cannot be sent.
 *
 * @param line the physical line the row starts on (1-based)
 * @param problems empty when the query may be sent
 */
public record QueryRow(long line, String localId, String procedure, String provider, String item,
    String edition, List<RowProblem> problems) {
  public QueryRow {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
