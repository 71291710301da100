package jp.linkage.hub.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Pairs each linkage's start with its completion. A completion may arrive before {@code send} has
 * returned the id (the answer can overtake the caller), so whichever comes second records.
 */
final class CompletionTracker {
  private final Map<String, Long> started = new HashMap<>();
  private final Map<String, Long> endedEarly = new HashMap<>();
  private final long[] latencies;
  private final Semaphore inFlight;
  private final CountDownLatch done;
  private int recorded;
  private int failed;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd;

  CompletionTracker(int linkages, Semaphore inFlight) {
    this.latencies = new long[linkages];
    this.inFlight = inFlight;
    this.done = new CountDownLatch(linkages);
  }

  /**
   * @param startNanos when the linkage was (or, at a target rate, should have been) started
   */
  void started(String id, long startNanos) {
    Long end;
    synchronized (this) {
      firstStart = Math.min(firstStart, startNanos);
      end = endedEarly.remove(id);
      if (end == null) {
        started.put(id, startNanos);
        return;
      }
      record(end - startNanos, end);
    }
    finish();
  }

  void completed(String id, boolean ok) {
    long now = System.nanoTime();
    synchronized (this) {
      if (!ok) {
        failed++;
      }
      Long start = started.remove(id);
      if (start == null) {
        endedEarly.put(id, now);
        return;
      }
      record(now - start, now);
    }
    finish();
  }

  private void record(long latency, long end) {
    if (recorded < latencies.length) {
      latencies[recorded++] = latency;
    }
    lastEnd = Math.max(lastEnd, end);
  }

  private void finish() {
    inFlight.release();
    done.countDown();
  }

  boolean await(long timeoutMs) throws InterruptedException {
    return done.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  synchronized long[] latencies() {
    return java.util.Arrays.copyOf(latencies, recorded);
  }

  synchronized int failed() {
    return failed;
  }

  synchronized int pending() {
    return latencies.length - recorded;
  }

  synchronized double elapsedSeconds() {
    return (lastEnd - firstStart) / 1e9;
  }
}
