package jp.linkage.hub.bench;

import java.util.Arrays;

/**
 * Summary of a run's per-linkage latencies, in milliseconds. Percentiles use the nearest-rank
 * definition (the smallest sample with at least p% of samples at or below it), so p100 is the max
 * and no value is interpolated.
 */
public record LatencyStats(
    int count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

  /**
   * @param nanos latencies in nanoseconds; not modified
   */
  public static LatencyStats of(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencyStats(0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencyStats(
        sorted.length,
        ms(sum / sorted.length),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
        ms(sorted[sorted.length - 1]));
  }

  /** Nearest-rank percentile of ascending {@code sorted}; {@code p} in (0, 100]. */
  public static long percentile(long[] sorted, double p) {
    if (sorted.length == 0 || p <= 0 || p > 100) {
      throw new IllegalArgumentException(
          "need samples and 0 < p <= 100, got " + sorted.length + " and " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double ms(double nanos) {
    return Math.round(nanos / 10_000.0) / 100.0; // two decimals of a millisecond
  }
}
