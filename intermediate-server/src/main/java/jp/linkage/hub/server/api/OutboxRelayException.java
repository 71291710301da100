package jp.linkage.hub.server.api;

import java.io.IOException;

/**
 * Kafka did not take a record of the server's outbox (no acknowledgement, or interrupted while
 * waiting for one): an I/O failure towards the broker. The rows stay unsent and are relayed again.
 * A server start fails with it when the rows a crash left unsent cannot be relayed.
 */
public final class OutboxRelayException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Thrown by the server's outbox. */
  public OutboxRelayException(String message, Throwable cause) {
    super(message, cause);
  }
}
