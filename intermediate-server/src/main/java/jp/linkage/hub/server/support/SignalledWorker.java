package jp.linkage.hub.server.support;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that does its work when signalled (after a commit) and at least every {@code
 * period}, so work left undone (a failure, a crash, a missed signal) is picked up without waiting
 * for new traffic. A failure is logged and retried with a growing back-off of up to 5 s. The base
 * of the intermediate server's worker threads (outbox relay, freshness, alerts, bulk dispatch).
 *
 * @param <E> what a round may throw besides {@link SQLException}; {@link RuntimeException} for
 *     nothing more
 */
public abstract class SignalledWorker<E extends Exception> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SignalledWorker.class);

  private final long periodMs;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean signalled;
  private volatile boolean running = true;

  /** Subclasses call {@link #start} at the end of their constructor. */
  protected SignalledWorker(long periodMs, String name) {
    this.periodMs = periodMs;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /** One round of work; what it throws is logged and the round retried later. */
  protected abstract void work() throws SQLException, E;

  protected final void start() {
    thread.start();
  }

  /** There is work: do it soon. Never blocks. */
  public final void signal() {
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
        work();
        backoffMs = periodMs;
      } catch (Exception e) {
        log.warn("{}: failed, will retry: {}", thread.getName(), e.toString());
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
  public final void close() {
    running = false;
    signal();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
