package jp.linkage.hub.testing;

import jp.linkage.hub.infra.HubInfrastructure;

/**
 * One {@link HubInfrastructure} for a whole test JVM (all integration tests of a module share one
 * Kafka and one PostgreSQL), started on first use and stopped once by a JVM shutdown hook. Tests
 * isolate themselves by topic and database names, not by servers.
 */
public final class SharedInfrastructure {
  private static HubInfrastructure instance;

  private SharedInfrastructure() {}

  /** The shared infrastructure, chosen by the HUB_* environment variables, started if needed. */
  public static synchronized HubInfrastructure get() {
    if (instance == null) {
      HubInfrastructure infra = HubInfrastructure.fromEnvironment();
      Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "hub-infrastructure-shutdown"));
      instance = infra;
    }
    return instance;
  }
}
