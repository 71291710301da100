package jp.linkage.hub.server.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress prints plain lines at most once a second, and a final one unless it was just printed.
 */
class ProgressTest {
  @Test
  void printsDoneTotalAndRateAtMostEverySecond() {
    AtomicLong nanos = new AtomicLong();
    StringWriter err = new StringWriter();
    Progress p = new Progress(new PrintWriter(err), "replicas", 1000, nanos::get);
    p.advance(100);
    nanos.set(500_000_000L);
    p.advance(100);
    nanos.set(1_000_000_000L);
    p.advance(300);
    nanos.set(1_500_000_000L);
    p.advance(250);
    nanos.set(2_000_000_000L);
    p.finish();
    p.finish();
    assertEquals(
        String.join(
            System.lineSeparator(),
            "replicas: 500/1000 rows (50%), 500 rows/s",
            "replicas: 750/1000 rows (75%), 375 rows/s",
            ""),
        err.toString(),
        "the last line once");
  }
}
