package jp.linkage.hub.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples a bulk run once a second: completions so far, what the server's gauges say is queued and
 * in flight (summed over lanes, and the most in flight in any one lane), and the JVM's heap in use.
 */
final class BulkSampler implements AutoCloseable {
  /** One sample; {@code seconds} since the bulk was submitted. */
  record Sample(
      double seconds,
      long completed,
      long queued,
      long inFlight,
      long maxLaneInFlight,
      long heapUsedMb) {}

  private final MeterRegistry meters;
  private final LongSupplier completed;
  private final long startNanos = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bulk-sampler");
            t.setDaemon(true);
            return t;
          });

  BulkSampler(MeterRegistry meters, LongSupplier completed) {
    this.meters = meters;
    this.completed = completed;
    timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  private void sample() {
    long queued = 0;
    long inFlight = 0;
    long maxLane = 0;
    for (Gauge g : meters.find("hub.bulk.queued").gauges()) {
      queued += (long) g.value();
    }
    for (Gauge g : meters.find("hub.bulk.in_flight").gauges()) {
      inFlight += (long) g.value();
      maxLane = Math.max(maxLane, (long) g.value());
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    Sample s =
        new Sample(
            Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0,
            completed.getAsLong(),
            queued,
            inFlight,
            maxLane,
            heap);
    synchronized (samples) {
      samples.add(s);
    }
    if (samples.size() % 30 == 1) {
      System.err.printf(
          "[bench] bulk %.0f s: %d done, %d queued, %d in flight (max lane %d), heap %d MiB%n",
          s.seconds(),
          s.completed(),
          s.queued(),
          s.inFlight(),
          s.maxLaneInFlight(),
          s.heapUsedMb());
    }
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The most heap in use seen by any sample. */
  long peakHeapUsedMb() {
    return samples().stream().mapToLong(Sample::heapUsedMb).max().orElse(0);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
