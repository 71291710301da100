package jp.linkage.hub.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * Kafka and PostgreSQL for the hub: external servers if configured, otherwise real servers started
 * inside this JVM. The only place where the run mode is chosen. Environment variables (see {@link
 * InfraSetting}):
 *
 * <table>
 * <caption>Infrastructure settings</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>HUB_KAFKA_BOOTSTRAP_SERVERS</td><td>(empty)</td><td>external Kafka; empty: embedded KRaft broker</td></tr>
 * <tr><td>HUB_JDBC_URL</td><td>(empty)</td><td>external PostgreSQL (any existing database); empty: embedded PostgreSQL</td></tr>
 * <tr><td>HUB_JDBC_USER</td><td>postgres</td><td>user for HUB_JDBC_URL, needs CREATE DATABASE</td></tr>
 * <tr><td>HUB_JDBC_PASSWORD</td><td>(empty)</td><td>password for HUB_JDBC_USER</td></tr>
 * <tr><td>HUB_JDBC_POOL_SIZE</td><td>8</td><td>maximum connections per database pool</td></tr>
 * <tr><td>HUB_DATA_DIR</td><td>(empty)</td><td>embedded data under kafka/ and postgres/, dev keys under secrets/, kept; empty: temp dirs</td></tr>
 * </table>
 *
 * <p>Each component uses its own database, named by {@link #dataSource(String)}; on an external
 * server it is substituted into HUB_JDBC_URL and created if missing.
 */
public final class HubInfrastructure implements AutoCloseable {
  /** Default of {@link InfraSetting#HUB_JDBC_POOL_SIZE}. */
  public static final int DEFAULT_POOL_SIZE = 8;

  private final String bootstrapServers;
  private final EmbeddedKafka kafka;
  private final EmbeddedPostgresServer postgres;
  private final PostgresDatabases databases;

  private HubInfrastructure(
      String bootstrapServers,
      EmbeddedKafka kafka,
      EmbeddedPostgresServer postgres,
      PostgresDatabases databases) {
    this.bootstrapServers = bootstrapServers;
    this.kafka = kafka;
    this.postgres = postgres;
    this.databases = databases;
  }

  /** Reads {@link InfraSetting}s from {@link System#getenv()}. */
  public static HubInfrastructure fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * Starts (or connects to) Kafka and PostgreSQL as {@code env} says; embedded ones start in
   * parallel.
   */
  public static HubInfrastructure from(Map<String, String> env) {
    Optional<Path> dataDir = InfraSetting.HUB_DATA_DIR.lookup(env).map(Path::of);
    int poolSize = Integer.parseInt(InfraSetting.HUB_JDBC_POOL_SIZE.valueOr(env));
    Optional<String> jdbcUrl = InfraSetting.HUB_JDBC_URL.lookup(env);
    CompletableFuture<EmbeddedPostgresServer> embeddedPostgres =
        jdbcUrl.isPresent()
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.supplyAsync(
                () ->
                    EmbeddedPostgresServer.start(
                        dataDir.map(d -> d.resolve("postgres")).orElse(null), poolSize));
    EmbeddedKafka kafka = null;
    try {
      Optional<String> bootstrap = InfraSetting.HUB_KAFKA_BOOTSTRAP_SERVERS.lookup(env);
      if (bootstrap.isEmpty()) {
        kafka =
            dataDir
                .map(d -> EmbeddedKafka.start(d.resolve("kafka"), 0))
                .orElseGet(EmbeddedKafka::start);
      }
      EmbeddedPostgresServer postgres = embeddedPostgres.join();
      PostgresDatabases external =
          jdbcUrl
              .map(
                  url ->
                      new PostgresDatabases(
                          url,
                          InfraSetting.HUB_JDBC_USER.valueOr(env),
                          InfraSetting.HUB_JDBC_PASSWORD.valueOr(env),
                          poolSize))
              .orElse(null);
      String servers = kafka != null ? kafka.bootstrapServers() : bootstrap.orElseThrow();
      return new HubInfrastructure(servers, kafka, postgres, external);
    } catch (RuntimeException e) {
      closeQuietly(kafka);
      embeddedPostgres.thenAccept(HubInfrastructure::closeQuietly);
      if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  public String kafkaBootstrapServers() {
    return bootstrapServers;
  }

  public boolean embeddedKafka() {
    return kafka != null;
  }

  public boolean embeddedPostgres() {
    return postgres != null;
  }

  /** Pooled connections to {@code database} (lower-case identifier), created if missing. */
  public DataSource dataSource(String database) {
    return postgres != null ? postgres.dataSource(database) : databases.dataSource(database);
  }

  /** For libraries that want a URL instead of a DataSource; credentials via {@link #jdbcUser()}. */
  public String jdbcUrl(String database) {
    return postgres != null ? postgres.jdbcUrl(database) : databases.jdbcUrl(database);
  }

  public String jdbcUser() {
    return postgres != null ? postgres.user() : databases.user();
  }

  public String jdbcPassword() {
    return postgres != null ? postgres.password() : databases.password();
  }

  public void createDatabaseIfMissing(String database) {
    if (postgres != null) {
      postgres.createDatabaseIfMissing(database);
    } else {
      databases.createDatabaseIfMissing(database);
    }
  }

  /** Closes pools and stops embedded servers; external servers are left running. */
  @Override
  public void close() {
    try {
      if (databases != null) {
        databases.close();
      }
      closeQuietly(postgres);
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // shutting down after a failure: the original failure is the one to report
    }
  }
}
