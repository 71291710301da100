package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.InfraSetting;

/**
 * A {@code hub} subcommand in a child JVM on the test's Kafka and PostgreSQL (passed as HUB_*
 * variables), with its output in {@code <logDir>/<name>-<n>.log}, one file per start.
 */
final class HubProcess implements AutoCloseable {
  /** Exit status of a JVM killed by SIGKILL (128 + 9) and stopped by SIGTERM (128 + 15). */
  static final int SIGKILL_STATUS = 137;

  static final int SIGTERM_STATUS = 143;

  private final String name;
  private final Path logDir;
  private final List<String> command;
  private final Map<String, String> env;
  private final List<Path> logs = new ArrayList<>();
  private Process process;

  HubProcess(String name, Path logDir, HubInfrastructure infra, Path dataDir, String... args) {
    this.name = name;
    this.logDir = logDir;
    this.command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-Ddisable-axoniq-console-message=true",
                "-cp",
                System.getProperty("java.class.path"),
                HubCommand.class.getName()));
    this.command.addAll(List.of(args));
    this.env =
        Map.of(
            InfraSetting.HUB_KAFKA_BOOTSTRAP_SERVERS.variable(), infra.kafkaBootstrapServers(),
            InfraSetting.HUB_JDBC_URL.variable(), infra.jdbcUrl("postgres"),
            InfraSetting.HUB_JDBC_USER.variable(), infra.jdbcUser(),
            InfraSetting.HUB_JDBC_PASSWORD.variable(), infra.jdbcPassword(),
            InfraSetting.HUB_JDBC_POOL_SIZE.variable(), "4",
            InfraSetting.HUB_DATA_DIR.variable(), dataDir.toAbsolutePath().toString());
  }

  /** Starts a new process; the previous one must have ended. */
  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is still running as pid " + process.pid());
    }
    Path log = logDir.resolve(name + "-" + (logs.size() + 1) + ".log");
    logs.add(log);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("HUB_"));
    pb.environment().putAll(env);
    process = pb.start();
  }

  /** Waits until the current process printed {@code line}, failing early if it died. */
  void awaitOutput(String line, Duration atMost) {
    Path log = logs.get(logs.size() - 1);
    await(name + " to print \"" + line + "\" (log " + log + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + " before \"" + line + "\"");
              }
              return Files.readString(log, StandardCharsets.UTF_8).contains(line);
            });
  }

  long pid() {
    return process.pid();
  }

  /**
   * SIGKILL (on Linux {@link Process#destroyForcibly()} sends SIGKILL); returns the exit status.
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM, the way an orchestrator stops a process; returns the exit status. */
  int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  private int awaitExit() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          name + " (pid " + process.pid() + ") did not exit within 60 s");
    }
    return process.exitValue();
  }

  /** Output of the current (last) start. */
  String lastLog() {
    return read(logs.get(logs.size() - 1));
  }

  /** All output of all starts, headed by file name, for printing when a test fails. */
  String allLogs() {
    StringBuilder b = new StringBuilder();
    for (Path log : logs) {
      b.append("===== ").append(log).append(" =====\n").append(read(log));
    }
    return b.toString();
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Never leaves a child behind. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
