package jp.linkage.hub.server.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The bulk queries' meters, per querier agency and provider: queued and in-flight gauges, the most
 * ever in flight, dispatched and completed counters, and the round trip from sending to the final
 * state. Names are dotted (Micrometer); Prometheus shows them as e.g. {@code hub_bulk_in_flight}.
 */
final class BulkMetrics {
  static final String QUEUED = "hub.bulk.queued";
  static final String IN_FLIGHT = "hub.bulk.in_flight";
  static final String IN_FLIGHT_MAX = "hub.bulk.in_flight.max";
  static final String WINDOW = "hub.bulk.window";
  static final String DISPATCHED = "hub.bulk.dispatched";
  static final String COMPLETED = "hub.bulk.completed";
  static final String ROUND_TRIP = "hub.bulk.round_trip";

  private final MeterRegistry registry;
  private final int window;

  BulkMetrics(MeterRegistry registry, int window) {
    this.registry = registry;
    this.window = window;
  }

  /**
   * Registers the lane's gauges; the registry holds them by weak reference, the caller keeps the
   * lane.
   */
  void register(BulkLane lane) {
    Tags tags = tags(lane.key());
    Gauge.builder(QUEUED, lane, BulkLane::queued)
        .tags(tags)
        .description("bulk queries queued, not yet sent")
        .register(registry);
    Gauge.builder(IN_FLIGHT, lane, BulkLane::inFlight)
        .tags(tags)
        .description("bulk queries sent and not yet final")
        .register(registry);
    Gauge.builder(IN_FLIGHT_MAX, lane, BulkLane::maxInFlight)
        .tags(tags)
        .description("the most bulk queries in flight at once since start")
        .register(registry);
    Gauge.builder(WINDOW, lane, l -> window)
        .tags(tags)
        .description("the most bulk queries allowed in flight at once")
        .register(registry);
  }

  void dispatched(BulkLane.Key lane, int n) {
    Counter.builder(DISPATCHED)
        .tags(tags(lane))
        .description("bulk queries sent")
        .register(registry)
        .increment(n);
  }

  void completed(BulkLane.Key lane, String status, Duration roundTrip) {
    Counter.builder(COMPLETED)
        .tags(tags(lane))
        .tag("status", status)
        .description("bulk queries that reached a final state")
        .register(registry)
        .increment();
    if (roundTrip != null) {
      Timer.builder(ROUND_TRIP)
          .tags(tags(lane))
          .description("bulk query sent to final state")
          .register(registry)
          .record(roundTrip.isNegative() ? Duration.ZERO : roundTrip);
    }
  }

  private static Tags tags(BulkLane.Key lane) {
    return Tags.of("agency", lane.agency(), "provider", lane.provider());
  }
}
