package jp.linkage.hub.launcher;

import java.sql.SQLException;
import java.time.Duration;

/** Waits for an asynchronous outcome of the hub (answers arrive over Kafka) with a deadline. */
final class Await {
  private Await() {}

  /** What is awaited; it reads the databases. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws SQLException;
  }

  static void until(String what, Duration timeout, Condition condition)
      throws SQLException, InterruptedException, DemoFailedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new DemoFailedException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
