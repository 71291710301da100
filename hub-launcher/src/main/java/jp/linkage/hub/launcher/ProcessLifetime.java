package jp.linkage.hub.launcher;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a component process running until the JVM is asked to stop (SIGTERM, SIGINT), then closes
 * its parts in order inside the shutdown hook, so consumers leave their groups and pools close
 * before the JVM halts.
 */
final class ProcessLifetime {
  private ProcessLifetime() {}

  /** Blocks until a shutdown hook has closed {@code inOrder}; prints {@code name stopped}. */
  static void serveUntilStopped(String name, PrintStream out, AutoCloseable... inOrder) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        closeAll(inOrder);
        out.println(name + " stopped");
        out.flush();
      } finally {
        closed.countDown();
      }
    }, name + "-shutdown"));
    closed.await();
  }

  /** Closes each part even when an earlier one fails; reports failures on stderr. */
  static void closeAll(AutoCloseable... inOrder) {
    for (AutoCloseable c : inOrder) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("closing " + c.getClass().getSimpleName() + " failed: " + e);
      }
    }
  }
}
