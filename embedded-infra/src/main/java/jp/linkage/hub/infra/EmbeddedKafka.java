package jp.linkage.hub.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) inside this JVM, built from
 * Kafka's production classes rather than its test kit. Listens on loopback only.
 *
 * <p>Start on a data dir that already holds a formatted log to restart a broker with its data:
 * {@code EmbeddedKafka.start(dir, previous.port())}.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  static {
    // Kafka's log-level endpoint calls the log4j API directly; log4j-core is excluded (we log via
    // slf4j), so give log4j-api its built-in no-frills provider instead of an ERROR line on stderr.
    if (System.getProperty("log4j.provider") == null) {
      System.setProperty(
          "log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
    }
  }

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean temporary;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean temporary, int port) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
    this.port = port;
  }

  /** Starts on a fresh temp dir (deleted on close) and a free port. */
  public static EmbeddedKafka start() {
    return start(TempDirs.create("hub-kafka-"), 0, true);
  }

  /** Starts on {@code dataDir} (kept on close); port 0 picks a free one. */
  public static EmbeddedKafka start(Path dataDir, int port) {
    return start(dataDir, port, false);
  }

  private static EmbeddedKafka start(Path dataDir, int requestedPort, boolean temporary) {
    long t0 = System.nanoTime();
    int port = requestedPort == 0 ? FreePorts.pick() : requestedPort;
    Path logDir = dataDir.resolve("kafka-logs");
    boolean formatted = KafkaStorage.formatIfNeeded(logDir);
    Map<String, Object> props =
        EmbeddedKafkaSettings.brokerProperties(logDir, port, FreePorts.pick());
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    EmbeddedKafka kafka = new EmbeddedKafka(server, dataDir, temporary, port);
    try {
      server.startup();
      kafka.awaitReady();
    } catch (RuntimeException e) {
      kafka.close();
      throw new InfrastructureException("embedded Kafka did not start on port " + port, e);
    }
    LOG.info(
        "Embedded Kafka ready at {} in {} ms (data {}, {})",
        kafka.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        dataDir,
        formatted ? "formatted" : "restarted");
    return kafka;
  }

  private void awaitReady() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
      if (admin
          .describeCluster()
          .nodes()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .isEmpty()) {
        throw new InfrastructureException("embedded Kafka reports no nodes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for embedded Kafka", e);
    } catch (Exception e) {
      throw new InfrastructureException("embedded Kafka not ready", e);
    }
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Broker port; pass it to {@link #start(Path, int)} to restart on the same address. */
  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Controlled shutdown; waits until all broker threads have stopped. Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      if (temporary) {
        TempDirs.deleteQuietly(dataDir);
      }
    }
    LOG.info(
        "Embedded Kafka at {} stopped in {} ms",
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }
}
