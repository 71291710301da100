package jp.linkage.hub.launcher;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.infra.HubInfrastructure;

/**
 * Keeps a component process running until the JVM is asked to stop (SIGTERM, SIGINT), then closes
 * its parts in order inside the shutdown hook, so consumers leave their groups and pools close
 * before the JVM halts.
 */
final class ProcessLifetime {
  private ProcessLifetime() {}

  /**
   * Starts one component on the infrastructure; its database may fail, and {@code E} is what else
   * may (an intermediate server's Kafka or metrics endpoint: {@link java.io.IOException}).
   */
  @FunctionalInterface
  interface Starter<T extends AutoCloseable, E extends Exception> {
    T start(HubInfrastructure infra, AgencyDirectory agencies) throws SQLException, E;
  }

  /**
   * Creates the hub's topics and starts a component, then serves until stopped; the infrastructure
   * is closed when the start fails, and after the component when the process stops.
   */
  static <T extends AutoCloseable, E extends Exception> void run(
      String name, Starter<T, E> starter, String readyLine)
      throws SQLException, InterruptedException, E {
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    HubInfrastructure infra = HubInfrastructure.fromEnvironment();
    T component;
    try {
      Hub.createTopics(infra, agencies);
      component = starter.start(infra, agencies);
    } catch (Exception e) {
      infra.close();
      throw e;
    }
    System.out.println(
        name
            + " ready: "
            + readyLine
            + ", agencies "
            + agencies.codes()
            + ", Kafka "
            + infra.kafkaBootstrapServers());
    System.out.flush();
    serveUntilStopped(name, System.out, component, infra);
  }

  /** Blocks until a shutdown hook has closed {@code inOrder}; prints {@code name stopped}. */
  static void serveUntilStopped(String name, PrintStream out, AutoCloseable... inOrder)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    closeAll(inOrder);
                    out.println(name + " stopped");
                    out.flush();
                  } finally {
                    closed.countDown();
                  }
                },
                name + "-shutdown"));
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
