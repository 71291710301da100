package jp.linkage.hub.iface.kafka;

/**
 * A polled batch could not be handled now: an infrastructure failure (the database, the crypto
 * pool, another system the handler needs), not a bad record. The {@link ConsumerLoop} commits none
 * of the batch's offsets and polls it again after a back-off. Thrown by a {@link
 * RecordBatchHandler}, and by the client listeners ({@code HubListener}, {@code
 * BackOfficeListener}) to have a message delivered again.
 */
public class BatchFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public BatchFailedException(String message) {
    super(message);
  }

  /**
   * The message names what failed; the cause's own message is appended, so the loop's log shows
   * both.
   */
  public BatchFailedException(String message, Throwable cause) {
    super(message + ": " + cause, cause);
  }
}
