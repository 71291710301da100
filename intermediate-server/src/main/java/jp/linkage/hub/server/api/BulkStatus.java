package jp.linkage.hub.server.api;

/**
 * Where a bulk submission (一括照会) stands: how many of its queries wait in the queue, are in flight
 * (sent, not yet final), and ended in each final state.
 */
public record BulkStatus(
    String bulkId,
    String name,
    long total,
    long queued,
    long inFlight,
    long answered,
    long denied,
    long rejected,
    long failed) {

  /** Every query of the bulk is answered or explicitly ended (denied, rejected or failed). */
  public boolean isDone() {
    return answered + denied + rejected + failed == total;
  }
}
