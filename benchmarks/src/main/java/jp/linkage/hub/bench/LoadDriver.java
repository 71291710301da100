package jp.linkage.hub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link Workload}. At max rate it is a closed loop: {@code senders} threads keep at most
 * {@code maxInFlight} linkages open. At a target rate it is an open loop: linkage i is due at start
 * + i/rate and its latency counts from then, not from when a busy sender got to it, so a stall
 * shows in the percentiles instead of silently lowering the rate (no coordinated omission).
 */
final class LoadDriver {
  private final int senders;
  private final int maxInFlight;
  private final long timeoutMs;

  LoadDriver(int senders, int maxInFlight, long timeoutMs) {
    this.senders = senders;
    this.maxInFlight = maxInFlight;
    this.timeoutMs = timeoutMs;
  }

  /**
   * @param rate linkages per second, or 0 for as fast as the workload goes
   */
  RunResult run(Workload workload, int offset, int linkages, double rate)
      throws InterruptedException, BenchmarkException {
    Semaphore inFlight =
        new Semaphore(rate > 0 ? linkages : maxInFlight); // open loop: never blocks
    CompletionTracker tracker = new CompletionTracker(linkages, inFlight);
    workload.onCompletion(tracker::completed);
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long t0 = System.nanoTime() + 5_000_000; // every sender is running before the first is due
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = next.getAndIncrement();
                      i < linkages && failure.get() == null;
                      i = next.getAndIncrement()) {
                    long start;
                    if (rate > 0) {
                      start = t0 + (long) (i * 1e9 / rate);
                      long wait = start - System.nanoTime();
                      if (wait > 0) {
                        LockSupport.parkNanos(wait);
                      }
                    } else {
                      inFlight.acquire();
                      start = System.nanoTime();
                    }
                    tracker.started(workload.send(offset + i), start);
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-sender-" + s);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new BenchmarkException(workload.name() + ": a send failed", failure.get());
    }
    if (!tracker.await(timeoutMs)) {
      throw new BenchmarkException(
          workload.name()
              + ": "
              + tracker.pending()
              + " of "
              + linkages
              + " linkages not complete after "
              + timeoutMs
              + " ms",
          null);
    }
    double seconds = tracker.elapsedSeconds();
    return new RunResult(
        workload.name(),
        rate > 0 ? "rate" : "max",
        rate,
        linkages,
        tracker.failed(),
        Math.round(seconds * 1000) / 1000.0,
        Math.round(linkages / seconds * 10) / 10.0,
        LatencyStats.of(tracker.latencies()));
  }
}
