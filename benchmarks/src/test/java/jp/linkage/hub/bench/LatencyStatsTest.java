package jp.linkage.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  private static long[] oneToHundredMs() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[99 - i] = (i + 1) * 1_000_000L; // deliberately unsorted
    }
    return nanos;
  }

  @Test
  void nearestRankPercentilesOfOneToHundred() {
    LatencyStats s = LatencyStats.of(oneToHundredMs());
    assertEquals(100, s.count());
    assertEquals(50.0, s.p50Ms());
    assertEquals(95.0, s.p95Ms());
    assertEquals(99.0, s.p99Ms());
    assertEquals(100.0, s.maxMs());
    assertEquals(50.5, s.meanMs());
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    long[] sorted = {10, 20, 30};
    assertEquals(20, LatencyStats.percentile(sorted, 50)); // rank ceil(1.5) = 2
    assertEquals(30, LatencyStats.percentile(sorted, 99));
    assertEquals(10, LatencyStats.percentile(sorted, 1));
    assertEquals(30, LatencyStats.percentile(new long[] {30}, 50));
  }

  @Test
  void inputIsLeftUnsortedAndBadArgumentsAreRefused() {
    long[] nanos = oneToHundredMs();
    LatencyStats.of(nanos);
    assertEquals(100_000_000L, nanos[0]);
    assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new long[0], 50));
    assertThrows(IllegalArgumentException.class, () -> LatencyStats.percentile(new long[] {1}, 0));
    assertEquals(0, LatencyStats.of(new long[0]).count());
  }

  @Test
  void latenciesAreReportedInMillisecondsWithTwoDecimals() {
    LatencyStats s = LatencyStats.of(new long[] {1_234_567L});
    assertEquals(1.23, s.p50Ms());
  }
}
