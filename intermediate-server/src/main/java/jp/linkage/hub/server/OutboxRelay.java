package jp.linkage.hub.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the {@link Outbox} on its own thread, so that neither a caller of {@code query} nor the
 * inbound loop waits for Kafka's acknowledgements. It runs when signalled after a commit and at
 * least every {@code period}, so a row left unsent (failed send, crash, missed signal) is sent
 * without waiting for new traffic. Delivery stays at least once: rows are marked sent only after
 * Kafka acknowledged them, and receivers drop duplicates by envelope id.
 */
final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final long periodMs;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean signalled;
  private volatile boolean running = true;

  OutboxRelay(Outbox outbox, long periodMs, String name) {
    this.outbox = outbox;
    this.periodMs = periodMs;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Something was committed to the outbox: relay soon. Never blocks. */
  void signal() {
    lock.lock();
    try {
      signalled = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    long backoffMs = periodMs;
    while (running) {
      awaitSignal(backoffMs);
      if (!running) {
        return;
      }
      try {
        outbox.relay();
        backoffMs = periodMs;
      } catch (Exception e) {
        // rows stay unsent; retried on the next signal or period
        log.warn("{}: relay failed, will retry: {}", thread.getName(), e.toString());
        backoffMs = Math.min(Math.max(backoffMs, 100) * 2, 5_000);
      }
    }
  }

  private void awaitSignal(long maxWaitMs) {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
      while (!signalled && running && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    running = false;
    signal();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
