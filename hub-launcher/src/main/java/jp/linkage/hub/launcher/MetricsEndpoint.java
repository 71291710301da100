package jp.linkage.hub.launcher;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a registry's metrics in Prometheus text format at {@code /metrics} for operators'
 * scrapers, on the JDK's own HTTP server (no web framework).
 */
public final class MetricsEndpoint implements BulkOptions.Serving {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer http;

  private MetricsEndpoint(HttpServer http) {
    this.http = http;
  }

  /** Listens on {@code port} (0: any free port) on every interface. */
  public static MetricsEndpoint start(int port, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
    http.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    http.start();
    return new MetricsEndpoint(http);
  }

  /** The port actually bound. */
  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
