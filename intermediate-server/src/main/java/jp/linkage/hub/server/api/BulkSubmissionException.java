package jp.linkage.hub.server.api;

/**
 * A bulk submission (一括照会) stopped part-way (the queries' source or the database failed). The
 * queries stored before the failure stay queued and are sent; {@link #bulkId} finds them.
 */
public final class BulkSubmissionException extends Exception {
  private final String bulkId;
  private final long stored;

  /** Thrown by the server's bulk submitter. */
  public BulkSubmissionException(String bulkId, long stored, Throwable cause) {
    super(
        "bulk "
            + bulkId
            + " stopped after "
            + stored
            + " queries were stored: "
            + cause.getMessage(),
        cause);
    this.bulkId = bulkId;
    this.stored = stored;
  }

  public String bulkId() {
    return bulkId;
  }

  /** How many of the bulk's queries were stored (and will be sent) before the failure. */
  public long stored() {
    return stored;
  }
}
