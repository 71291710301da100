package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The back-offices of the crash tests: sends the planned queries one by one at a steady pace on its
 * own thread, keeps their linkage ids, and stops at the first failed send. A test holds {@link
 * #gate()} to keep them from sending (it waits for a send in flight).
 */
final class PacedQueries implements AutoCloseable {
  /** Sends one planned query the way the test's back-offices do; returns its linkage id. */
  @FunctionalInterface
  interface Sender {
    String send(CrashLoad.Planned query) throws Exception;
  }

  private final List<CrashLoad.Planned> plan;
  private final String[] linkageIds;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final ReentrantLock gate = new ReentrantLock();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

  PacedQueries(List<CrashLoad.Planned> plan, Duration pace, Sender sender) {
    this.plan = plan;
    this.linkageIds = new String[plan.size()];
    pacer.scheduleAtFixedRate(
        () -> {
          int n = sent.get();
          if (n < plan.size() && failure.get() == null && gate.tryLock()) {
            try {
              linkageIds[n] = sender.send(plan.get(n));
              sent.incrementAndGet();
            } catch (Exception e) {
              failure.set(e);
            } finally {
              gate.unlock();
            }
          }
        },
        0,
        pace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  int sent() {
    return sent.get();
  }

  ReentrantLock gate() {
    return gate;
  }

  /** Waits until every planned query was sent; fails on a send that failed. */
  String[] awaitAllSent(Duration atMost) {
    await("all " + plan.size() + " queries sent")
        .atMost(atMost)
        .until(() -> sent.get() == plan.size() || failure.get() != null);
    assertNull(failure.get(), () -> "a query could not be sent: " + failure.get());
    return linkageIds;
  }

  @Override
  public void close() {
    pacer.shutdownNow();
  }
}
