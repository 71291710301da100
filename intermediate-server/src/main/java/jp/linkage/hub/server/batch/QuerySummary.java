package jp.linkage.hub.server.batch;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a query file run did.
 *
 * @param read query rows read
 * @param rejected rows not sent (bad row, unknown person); REJECTED in the results file
 * @param finals sent queries with a final result, by status (ANSWERED, DENIED, REJECTED, FAILED)
 * @param unfinished sent queries without a final result when the timeout ran out
 */
public record QuerySummary(long read, long rejected, Map<String, Long> finals, long unfinished) {
  public QuerySummary {
    finals = Map.copyOf(finals);
  }

  /**
   * Exit status of {@code hub batch queries}: 0 when every row was sent and has a final result,
   * else 1.
   */
  public int exitCode() {
    return rejected == 0 && unfinished == 0 ? 0 : 1;
  }

  /** One line for stdout. */
  public String line() {
    return "read %d, rejected %d, final %s, no result yet %d"
        .formatted(read, rejected, new TreeMap<>(finals), unfinished);
  }
}
