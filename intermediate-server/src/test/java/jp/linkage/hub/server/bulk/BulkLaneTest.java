package jp.linkage.hub.server.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dispatch window (送信枠) of one querier-provider lane. */
class BulkLaneTest {
  private final BulkLane lane = new BulkLane(new BulkLane.Key("nenkin", "muni-131016"), 20);

  @Test
  void releasesUpToTheWindowAndNoMoreThanIsQueued() {
    lane.queued(1_000);
    assertEquals(20, lane.release(0));
    assertEquals(5, lane.release(15));
    assertEquals(0, lane.release(20));
    assertEquals(
        0, lane.release(25), "a smaller window after a restart releases nothing until it drains");

    BulkLane small = new BulkLane(new BulkLane.Key("nenkin", "muni-271004"), 20);
    small.queued(3);
    assertEquals(3, small.release(0));
    assertEquals(0, new BulkLane(new BulkLane.Key("nenkin", "x"), 20).release(0), "nothing queued");
  }

  @Test
  void dispatchingMovesQueuedToInFlightAndRecordsThePeak() {
    lane.queued(50);
    int n = lane.release(0);
    lane.dispatched(0, n);
    assertEquals(30, lane.queued());
    assertEquals(20, lane.inFlight());
    assertEquals(0, lane.release(lane.inFlight()));

    for (int i = 0; i < 7; i++) {
      lane.completed();
    }
    assertEquals(13, lane.inFlight());
    assertEquals(7, lane.release(13), "completions make room again");
    lane.dispatched(13, 7);
    assertEquals(20, lane.maxInFlight());
    assertEquals(23, lane.queued());
  }

  @Test
  void aDispatchBeforeTheSubmittersCountLandsStillAddsUp() {
    lane.dispatched(0, 10); // the dispatcher saw the committed rows first
    assertEquals(0, lane.queued(), "shown as empty, never negative");
    assertFalse(lane.hasQueued());
    lane.queued(100);
    assertEquals(90, lane.queued());
    assertTrue(lane.hasQueued());
  }

  @Test
  void completionsNeverMakeInFlightNegative() {
    lane.completed();
    assertEquals(0, lane.inFlight());
  }

  @Test
  void refusesAnEmptyWindowAndBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new BulkLane(new BulkLane.Key("a", "b"), 0));
    assertThrows(IllegalArgumentException.class, () -> BulkSettings.defaults().withWindow(0));
    assertThrows(
        IllegalArgumentException.class, () -> BulkSettings.defaults().withTimeout(Duration.ZERO));
  }

  @Test
  void gaugesFollowTheLane() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BulkMetrics metrics = new BulkMetrics(registry, 20);
    metrics.register(lane);
    lane.queued(40);
    lane.dispatched(0, lane.release(0));
    metrics.dispatched(lane.key(), 20);
    lane.completed();
    metrics.completed(lane.key(), "ANSWERED", Duration.ofMillis(40));
    assertEquals(20, gauge(registry, BulkMetrics.QUEUED));
    assertEquals(19, gauge(registry, BulkMetrics.IN_FLIGHT));
    assertEquals(20, gauge(registry, BulkMetrics.IN_FLIGHT_MAX));
    assertEquals(20, gauge(registry, BulkMetrics.WINDOW));
    assertEquals(20, registry.get(BulkMetrics.DISPATCHED).counter().count());
    assertEquals(
        1, registry.get(BulkMetrics.COMPLETED).tag("status", "ANSWERED").counter().count());
    assertEquals(1, registry.get(BulkMetrics.ROUND_TRIP).timer().count());
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    return registry.get(name).tags("agency", "nenkin", "provider", "muni-131016").gauge().value();
  }
}
