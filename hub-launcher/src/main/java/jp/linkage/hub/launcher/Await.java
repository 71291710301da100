package jp.linkage.hub.launcher;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for an asynchronous outcome of the hub (answers arrive over Kafka) with a deadline. */
final class Await {
  private Await() {}

  static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new DemoFailedException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The demo could not complete its scenario. */
  static final class DemoFailedException extends Exception {
    DemoFailedException(String message) {
      super(message);
    }
  }
}
