package jp.linkage.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class CompletionTrackerTest {
  @Test
  void aCompletionThatOvertakesItsSendIsStillCountedOnce() throws Exception {
    Semaphore inFlight = new Semaphore(0);
    CompletionTracker t = new CompletionTracker(2, inFlight);
    t.started("a", System.nanoTime());
    t.completed("a", true);
    t.completed("b", false); // the answer arrived before send() returned the id
    assertEquals(1, t.pending());
    t.started("b", System.nanoTime() - 1_000_000);
    assertTrue(t.await(0));
    assertEquals(2, t.latencies().length);
    assertEquals(1, t.failed());
    assertEquals(2, inFlight.availablePermits(), "each completion frees one in-flight slot");
    assertTrue(t.elapsedSeconds() >= 0);
  }
}
