package jp.linkage.hub.server.outbox;

import java.sql.SQLException;
import jp.linkage.hub.server.api.OutboxRelayException;
import jp.linkage.hub.server.support.SignalledWorker;

/**
 * Relays the {@link Outbox} on its own thread, so that neither a caller of {@code query} nor the
 * inbound loop waits for Kafka's acknowledgements. It runs when signalled after a commit and at
 * least every {@code period}, so a row left unsent (failed send, crash, missed signal) is sent
 * without waiting for new traffic. Delivery stays at least once: rows are marked sent only after
 * Kafka acknowledged them, and receivers drop duplicates by envelope id.
 */
public final class OutboxRelay extends SignalledWorker<OutboxRelayException> {
  private final Outbox outbox;

  public OutboxRelay(Outbox outbox, long periodMs, String name) {
    super(periodMs, name);
    this.outbox = outbox;
    start();
  }

  @Override
  protected void work() throws SQLException, OutboxRelayException {
    outbox.relay(); // rows stay unsent on failure; retried on the next signal or period
  }
}
