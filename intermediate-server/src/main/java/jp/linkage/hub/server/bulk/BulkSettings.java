package jp.linkage.hub.server.bulk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * How bulk queries (一括照会) are paced, when any query gives up, and where the server's metrics go.
 *
 * @param window at most this many bulk queries of one querier to one provider are in flight at once
 * @param timeout the query timeout: a query, bulk or interactive, with no final answer this long
 *     after it was sent is ended as FAILED, so every query ends even if its provider never answers
 *     (keep it above the providers' longest hold of a deferred answer, 5 minutes by default)
 * @param meters where the server registers its gauges, counters and timers
 */
public record BulkSettings(int window, Duration timeout, MeterRegistry meters) {
  public static final int DEFAULT_WINDOW = 200;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public BulkSettings {
    if (window < 1) {
      throw new IllegalArgumentException("the bulk window must be at least 1, was " + window);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the query timeout must be positive, was " + timeout);
    }
    Objects.requireNonNull(meters, "meters");
  }

  /** Window 200, timeout 10 minutes, metrics kept in memory only. */
  public static BulkSettings defaults() {
    return new BulkSettings(DEFAULT_WINDOW, DEFAULT_TIMEOUT, new SimpleMeterRegistry());
  }

  public BulkSettings withWindow(int newWindow) {
    return new BulkSettings(newWindow, timeout, meters);
  }

  public BulkSettings withTimeout(Duration newTimeout) {
    return new BulkSettings(window, newTimeout, meters);
  }

  public BulkSettings withMeters(MeterRegistry newMeters) {
    return new BulkSettings(window, timeout, newMeters);
  }
}
