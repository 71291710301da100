package jp.linkage.hub.launcher;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import jp.linkage.hub.server.bulk.BulkSettings;
import picocli.CommandLine.Option;

/**
 * {@code --bulk-window}, {@code --query-timeout} and {@code --metrics-port} for commands that run
 * an intermediate server: how bulk queries (一括照会) are paced, and where operators scrape metrics.
 */
final class BulkOptions {
  @Option(
      names = "--bulk-window",
      paramLabel = "N",
      defaultValue = "" + BulkSettings.DEFAULT_WINDOW,
      description =
          "Most bulk queries of one querier to one provider in flight at once (default ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = {"--query-timeout", "--bulk-timeout"},
      paramLabel = "DURATION",
      defaultValue = "PT10M",
      description =
          "A query, bulk or not, with no final answer this long after sending ends FAILED (ISO-8601,"
              + " default ${DEFAULT-VALUE}; --bulk-timeout is the older name).")
  Duration timeout;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve metrics in Prometheus text format at http://HOST:PORT/metrics (0: any free port).")
  Integer metricsPort;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** The pacing asked for, with metrics kept where {@link #serve} will expose them. */
  BulkSettings settings() {
    return new BulkSettings(window, timeout, registry);
  }

  /** What {@link #serve} started: the metrics endpoint, or nothing; closing it never fails. */
  @FunctionalInterface
  interface Serving extends AutoCloseable {
    @Override
    void close();
  }

  /** Starts the metrics endpoint if a port was asked for; closing the result stops it. */
  Serving serve(PrintStream out) throws IOException {
    if (metricsPort == null) {
      return () -> {};
    }
    MetricsEndpoint endpoint = MetricsEndpoint.start(metricsPort, registry);
    out.println(
        "metrics: http://localhost:" + endpoint.port() + "/metrics (Prometheus text format)");
    return endpoint;
  }
}
