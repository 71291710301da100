package jp.linkage.hub.audit.monitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.BasicAuthCredentials;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import jp.linkage.hub.audit.monitor.Period;
import jp.linkage.hub.audit.monitor.ProvisionMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PPC's monitoring pages (監視・監督ビュー) and the JSON they are drawn from, on Javalin. Read-only:
 * every endpoint is a GET over {@link ProvisionMonitor}. The pages are static files that fetch the
 * JSON and render it as text nodes, so nothing a record contains can become markup; the Content
 * Security Policy allows only the site's own scripts and styles.
 *
 * <p>With {@link MonitorUsers}, every request (page, script, data) needs a supervisor's HTTP Basic
 * login; without, the pages are open, which {@code MonitorOptions} allows on a loopback address
 * only. Every data request and every refused login goes to the {@link MonitorAccessLog}.
 */
public final class MonitorWeb implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorWeb.class);
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final String LINKAGE_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

  private final Javalin app;
  private final String host;

  private MonitorWeb(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /** The user an unauthenticated request is logged as when the pages have no login. */
  public static final String NO_LOGIN = "(no login)";

  /** The challenge of a request without a valid login. */
  public static final String REALM_HEADER = "Basic realm=\"PPC monitoring\", charset=\"UTF-8\"";

  private static final String USER = "monitor.user";

  /**
   * Serves on {@code host:port} (port 0: any free port).
   *
   * @param users the supervisors who may log in, or null for pages without login
   */
  public static MonitorWeb start(
      String host,
      int port,
      ProvisionMonitor monitor,
      Clock clock,
      MonitorUsers users,
      MonitorAccessLog accessLog) {
    ObjectMapper json =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/monitor";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              config.routes.before(
                  ctx -> {
                    ctx.header("Content-Security-Policy", CSP);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Referrer-Policy", "no-referrer");
                    ctx.header("X-Frame-Options", "DENY");
                    if (users == null) {
                      ctx.attribute(USER, NO_LOGIN);
                      return;
                    }
                    BasicAuthCredentials login;
                    try {
                      login = ctx.basicAuthCredentials();
                    } catch (
                        RuntimeException
                            e) { // e.g. "Basic" followed by something that is not base64
                      login = null;
                    }
                    if (login == null || !users.check(login.getUsername(), login.getPassword())) {
                      if (login != null) {
                        accessLog.append(login.getUsername(), ctx.ip(), request(ctx), "refused");
                      }
                      ctx.header("WWW-Authenticate", REALM_HEADER);
                      throw new UnauthorizedResponse("a supervisor's login is needed");
                    }
                    ctx.attribute(USER, login.getUsername());
                  });
              config.routes.after(
                  "/api/*",
                  ctx -> {
                    String user = ctx.attribute(USER);
                    if (user != null) { // null: refused before, already logged
                      accessLog.append(
                          user, ctx.ip(), request(ctx), String.valueOf(ctx.statusCode()));
                    }
                  });
              config.routes.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
              config.routes.get(
                  "/api/overview", ctx -> ctx.json(monitor.overview(period(ctx, clock))));
              config.routes.get("/api/flows", ctx -> ctx.json(monitor.flows(period(ctx, clock))));
              config.routes.get(
                  "/api/rejections", ctx -> ctx.json(monitor.rejections(period(ctx, clock))));
              config.routes.get(
                  "/api/replica-alerts",
                  ctx -> ctx.json(monitor.replicaAlerts(period(ctx, clock))));
              config.routes.get(
                  "/api/findings", ctx -> ctx.json(monitor.findings(period(ctx, clock))));
              config.routes.get("/api/chain", ctx -> ctx.json(monitor.verifyChain()));
              config.routes.get(
                  "/api/records/{linkageId}",
                  ctx -> {
                    String id = ctx.pathParam("linkageId");
                    if (!id.matches(LINKAGE_ID)) {
                      throw new BadParameter(
                          "linkageId",
                          "linkage-id-format",
                          "a linkage id is 1–100 letters, digits, '.', '_', ':' or '-', was \""
                              + PeriodParameters.clip(id)
                              + "\"");
                    }
                    var record = monitor.record(id);
                    if (record.isEmpty()) {
                      ctx.status(404)
                          .json(problem("linkageId", "known-linkage", "no provision record " + id));
                    } else {
                      ctx.json(record.get());
                    }
                  });
              config.routes.exception(
                  BadParameter.class,
                  (e, ctx) -> ctx.status(400).json(problem(e.field(), e.rule(), e.getMessage())));
              config.routes.exception(
                  SQLException.class,
                  (e, ctx) -> {
                    LOG.warn("monitoring view failed: {}", e.getMessage());
                    ctx.status(503)
                        .json(
                            problem(
                                "database",
                                "available",
                                "the core database could not be read: " + e.getMessage()));
                  });
            });
    app.start(host, port);
    return new MonitorWeb(app, host);
  }

  private static String request(Context ctx) {
    String query = ctx.queryString();
    return ctx.method() + " " + ctx.path() + (query == null ? "" : "?" + query);
  }

  private static Period period(Context ctx, Clock clock) {
    return PeriodParameters.parse(
        ctx.queryParam("hours"), ctx.queryParam("from"), ctx.queryParam("to"), clock);
  }

  private static Map<String, String> problem(String field, String rule, String message) {
    return Map.of("field", field, "rule", rule, "message", message);
  }

  public int port() {
    return app.port();
  }

  /** The pages' address, e.g. {@code http://127.0.0.1:8470/}. */
  public URI uri() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create(
        "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : shown) + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
  }
}
