package jp.linkage.hub.server.batch;

import java.util.List;
import jp.linkage.hub.server.api.Query;

/**
 * One row of a query file: a query (情報照会) the agency asks, or why it cannot be sent.
 *
 * @param line the physical line the row starts on (1-based)
 * @param localId the row's localId cell, also when the row cannot be sent ("" when empty)
 * @param query the query to send; null when the row has problems
 * @param problems empty when the query may be sent
 */
public record QueryRow(long line, String localId, Query query, List<RowProblem> problems) {
  public QueryRow {
    problems = List.copyOf(problems);
    if ((query == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a row has a query or problems, not both; line " + line);
    }
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
