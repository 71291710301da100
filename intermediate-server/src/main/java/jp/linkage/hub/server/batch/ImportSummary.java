package jp.linkage.hub.server.batch;

/**
 * What a replica import did, row by row.
 *
 * @param read data rows read from the file
 * @param applied rows the replica now holds (副本登録)
 * @param unchanged rows the replica already held (same master time and content)
 * @param superseded rows older than what the replica holds: not applied
 * @param rejected rows refused (see the reject report)
 * @param late applied rows registered after their deadline (登録期限): an alert was raised for each
 */
public record ImportSummary(
    long read, long applied, long unchanged, long superseded, long rejected, long late) {
  /** Exit status of {@code hub batch replicas}: 0 when no row was rejected, else 1. */
  public int exitCode() {
    return rejected == 0 ? 0 : 1;
  }

  /** One line for stdout. */
  public String line() {
    return "read %d, applied %d, unchanged %d, superseded %d, rejected %d, late %d"
        .formatted(read, applied, unchanged, superseded, rejected, late);
  }
}
