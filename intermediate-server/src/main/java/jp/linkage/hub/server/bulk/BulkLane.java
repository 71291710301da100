package jp.linkage.hub.server.bulk;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One querier's bulk queries to one provider: its queue, what is in flight, and its window (送信枠).
 * The database is the truth; these counts mirror it for the dispatcher's pacing and the gauges. At
 * most {@code window} of the lane's queries are in flight, so a bulk holds at most that many places
 * in the provider's queue and other traffic to the provider is not starved.
 */
final class BulkLane {
  /** A querier agency and a provider agency. */
  record Key(String agency, String provider) {}

  private final Key key;
  private final int window;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  BulkLane(Key key, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("the window must be at least 1, was " + window);
    }
    this.key = key;
    this.window = window;
  }

  Key key() {
    return key;
  }

  /** How many queued queries may go out now, when {@code inFlightNow} are sent and not final. */
  int release(int inFlightNow) {
    long room = Math.min(window - (long) inFlightNow, Math.max(0, queued.get()));
    return (int) Math.max(0, room);
  }

  /** {@code n} queries were committed to the lane's queue. */
  void queued(long n) {
    queued.addAndGet(n);
  }

  /**
   * The table holds {@code n} queued queries for the lane: set after a recount, or 0 when a take
   * found fewer than it asked for. The in-process count then follows the table again even when
   * another process queued rows or a submission's count arrived late.
   */
  void recounted(long n) {
    queued.set(n);
  }

  /** {@code n} queries went out while {@code inFlightBefore} were already in flight. */
  void dispatched(int inFlightBefore, int n) {
    queued.addAndGet(-n);
    int now = inFlightBefore + n;
    inFlight.set(now);
    maxInFlight.accumulateAndGet(now, Math::max);
  }

  /** One of the lane's queries in flight reached its final state. */
  void completed() {
    inFlight.updateAndGet(v -> Math.max(0, v - 1));
  }

  /** Queued and not yet sent; a submission's count lands just after its commit, hence the floor. */
  long queued() {
    return Math.max(0, queued.get());
  }

  int inFlight() {
    return inFlight.get();
  }

  /** The most queries this lane ever had in flight at once, as counted when dispatching. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  boolean hasQueued() {
    return queued.get() > 0;
  }
}
