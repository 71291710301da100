package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.sql.DataSource;
import jp.linkage.hub.audit.monitor.MonitorRules;
import jp.linkage.hub.audit.monitor.ProvisionMonitor;
import jp.linkage.hub.audit.monitor.web.MonitorAccessLog;
import jp.linkage.hub.audit.monitor.web.MonitorUsers;
import jp.linkage.hub.audit.monitor.web.MonitorWeb;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.testing.HeadlessChromium;
import jp.linkage.hub.testing.PersonalNumberScanner;
import jp.linkage.hub.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The PPC's monitoring pages in a real headless Chromium over the shared demo hub's core database:
 * the numbers are the database's, the demo's denied query is a finding whose record opens on a
 * click, the chain verifies, bad parameters get a field and a rule, and neither a symbol nor a My
 * Number reaches the browser.
 */
class MonitorBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static DataSource core;
  private static MonitorWeb web;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static List<String> forbidden;
  private static final String SUPERVISOR = "ppc-auditor";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String INSURER = "hi-kenpo-06130001";
  private static final String ELIGIBILITY = "medical-insurance-eligibility";

  /** A person at the insurer whose master changed a month ago and whose replica never caught up. */
  private static final String OVERDUE_PERSON = "monitor-it-" + java.util.UUID.randomUUID();

  /**
   * Console entries a test expects (e.g. the 404 of an unknown linkage), cleared after each test.
   */
  private final List<String> expectedConsole = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.requireInstalled();
    DemoRun.report();
    Hub hub = DemoRun.hub();
    core = hub.infra().dataSource(Hub.CORE_DATABASE);
    Path htpasswd = Files.createTempDirectory("monitor-users-").resolve("htpasswd");
    Files.writeString(
        htpasswd,
        "# supervisors of the PPC (test)\n"
            + MonitorUsers.entry(SUPERVISOR, PASSWORD.toCharArray())
            + "\n"
            + MonitorUsers.entry("someone-else", "another long password".toCharArray())
            + "\n");
    web =
        MonitorWeb.start(
            "127.0.0.1",
            0,
            new ProvisionMonitor(core, MonitorRules.defaults(), Clock.systemUTC()),
            Clock.systemUTC(),
            MonitorUsers.load(htpasswd, Clock.systemUTC()),
            new MonitorAccessLog(core, Clock.systemUTC()));
    forbidden = new ArrayList<>(DemoRun.personalNumbers(hub));
    for (List<String> symbols :
        Sql.rows(
            core,
            "SELECT querier_symbol, provider_symbol FROM core_provision_record"
                + " WHERE querier_symbol IS NOT NULL")) {
      forbidden.addAll(symbols);
    }
    assertTrue(
        forbidden.size() > 2 * hub.registry().persons().size(),
        "the demo left symbols to look for");
    forbidden.add(OVERDUE_PERSON);
    // case 5 gone wrong: the insurer was told of the change, the replica never got it, the deadline
    // passed
    hub.server()
        .noticeChange(
            new ChangeNotice(
                INSURER,
                ELIGIBILITY,
                OVERDUE_PERSON,
                java.time.Instant.now().minus(Duration.ofDays(30))));
    browser = HeadlessChromium.start(Files.createTempDirectory("monitor-chromium-"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
  }

  @AfterEach
  void noUnexpectedConsoleMessages() {
    List<LogEntry> unexpected =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .filter(e -> expectedConsole.stream().noneMatch(e.getMessage()::contains))
            .toList();
    assertTrue(unexpected.isEmpty(), "browser console: " + unexpected);
  }

  @Test
  void theOverviewAndFlowsAreTheDatabasesNumbers() throws Exception {
    open();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              browser.findElement(By.id("refresh")).click();
              waitReady("overview", "flows");
              long[] db =
                  counts(
                      "SELECT count(*), count(*) FILTER (WHERE status = 'DENIED'),"
                          + " count(DISTINCT (querier, provider, procedure, item)) FROM core_provision_record"
                          + " WHERE requested_at > now() - interval '24 hours'");
              assertEquals(String.format("%,d", db[0]), card("requested"));
              assertEquals(String.format("%,d", db[1]), card("denied"));
              assertEquals(db[2], browser.findElements(By.cssSelector("#flows tbody tr")).size());
            });
    assertTrue(
        Long.parseLong(card("answered").replace(",", "")) > 0, "the demo's answers are counted");
    assertTrue(card("p50").matches("\\d+ ms|\\d+\\.\\d\\d s"), card("p50"));
    Files.write(
        Path.of("target", "monitor-overview.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theDemosDeniedQueryIsAFindingAndItsRecordOpensOnAClick() throws Exception {
    String[] denied =
        row(
            "SELECT linkage_id, querier, reason FROM core_provision_record WHERE status = 'DENIED'"
                + " ORDER BY requested_at DESC LIMIT 1");
    open();
    waitReady("findings");
    WebElement finding =
        browser.findElements(By.cssSelector("#findings tbody tr")).stream()
            .filter(
                tr ->
                    tr.getText().startsWith("DENIED_QUERIES")
                        && tr.getText().contains(denied[1] + " →"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no finding for " + denied[1]));
    assertTrue(finding.getText().contains("denied: " + denied[2]), finding.getText());
    assertEquals("WARNING", finding.getAttribute("class"));

    finding.findElements(By.cssSelector("button.linkage")).stream()
        .filter(b -> b.getText().equals(denied[0]))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(
        d ->
            d.findElement(By.id("record")).isDisplayed()
                && d.findElement(By.cssSelector("#record dd[data-key=linkageId]"))
                    .getText()
                    .equals(denied[0]));
    assertEquals(
        "DENIED", browser.findElement(By.cssSelector("#record dd[data-key=status]")).getText());
    assertEquals(
        denied[2], browser.findElement(By.cssSelector("#record dd[data-key=reason]")).getText());
    assertEquals(
        denied[1], browser.findElement(By.cssSelector("#record dd[data-key=querier]")).getText());
    Files.write(Path.of("target", "monitor-record.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void anOverdueReplicaAtTheInsurerReachesThePpcWithoutThePerson() throws Exception {
    await("the insurer's alert reported to the core")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                counts(
                        "SELECT count(*) FROM core_replica_alert WHERE agency = '"
                            + INSURER
                            + "' AND item = '"
                            + ELIGIBILITY
                            + "' AND kind = 'OVERDUE'")[0]
                    > 0);
    open();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              browser.findElement(By.id("refresh")).click();
              waitReady("alerts", "findings");
              assertTrue(
                  browser.findElements(By.cssSelector("#alerts tbody tr")).stream()
                      .map(WebElement::getText)
                      .anyMatch(t -> t.startsWith(INSURER + " " + ELIGIBILITY + " OVERDUE")),
                  "alerts table");
              assertTrue(
                  browser.findElements(By.cssSelector("#findings tbody tr")).stream()
                      .map(WebElement::getText)
                      .anyMatch(
                          t ->
                              t.startsWith(
                                  "OVERDUE_REPLICAS WARNING " + INSURER + " — " + ELIGIBILITY)),
                  "findings table");
            });
    assertTrue(Long.parseLong(card("replica-alerts").replace(",", "")) > 0);
    assertFalse(browser.getPageSource().contains(OVERDUE_PERSON));
    assertEquals(
        0,
        counts(
            "SELECT count(*) FROM core_replica_alert WHERE detail LIKE '%"
                + OVERDUE_PERSON
                + "%' OR coalesce(linkage_id, '') LIKE '%"
                + OVERDUE_PERSON
                + "%'")[0],
        "the person is not at the hub");
    Files.write(Path.of("target", "monitor-alerts.png"), browser.getScreenshotAs(OutputType.BYTES));

    // an auditor re-derives the alert from the event log alone, as the provision records
    DataSource fresh = DemoRun.hub().infra().dataSource("monitor_replay_" + System.nanoTime());
    jp.linkage.hub.audit.replay.ReplayReport replay =
        jp.linkage.hub.audit.replay.ProvisionReplay.run(core, core, fresh);
    assertEquals(List.of(), replay.differences());
    assertTrue(
        Sql.count(
                fresh,
                "SELECT count(*) FROM core_replica_alert WHERE agency = ? AND kind = 'OVERDUE'",
                INSURER)
            > 0,
        "the replay re-derived the alert");
  }

  @Test
  void anUnknownLinkageIsSaidToBeUnknown() {
    expectedConsole.add("/api/records/no-such-linkage - Failed to load resource"); // the 404 itself
    open();
    WebElement box = browser.findElement(By.id("linkage-id"));
    box.sendKeys("no-such-linkage");
    box.submit();
    wait.until(d -> d.findElement(By.id("record-error")).isDisplayed());
    assertEquals(
        "no provision record no-such-linkage",
        browser.findElement(By.id("record-error")).getText());
    assertFalse(browser.findElement(By.id("record")).isDisplayed());
  }

  @Test
  void theChainVerifiesInTheBrowser() throws Exception {
    open();
    browser.findElement(By.id("verify-chain")).click();
    wait.until(d -> d.findElement(By.id("chain-result")).getText().startsWith("Intact:"));
    String text = browser.findElement(By.id("chain-result")).getText();
    long entries =
        Long.parseLong(text.replaceAll("^Intact: ([\\d,]+) entries.*$", "$1").replace(",", ""));
    long hubRecords = counts("SELECT count(*) FROM core_provision_record")[0];
    assertTrue(entries >= hubRecords, text + " vs " + hubRecords + " provision records");
    assertEquals("intact", browser.findElement(By.id("chain-result")).getAttribute("class"));
  }

  @Test
  void noSymbolNoMyNumberAndNoResidentCodeReachesTheBrowser() throws Exception {
    open();
    new Select(browser.findElement(By.id("period"))).selectByValue("876600");
    waitReady("overview", "findings", "flows", "rejections", "alerts");
    Map<String, String> seen = new HashMap<>();
    seen.put("page", browser.getPageSource());
    for (String api :
        List.of("overview", "findings", "flows", "rejections", "replica-alerts", "chain")) {
      String path = api.equals("chain") ? "/api/chain" : "/api/" + api + "?hours=876600";
      seen.put(api, get(path).body());
    }
    String linkage =
        row("SELECT linkage_id FROM core_provision_record WHERE status = 'ANSWERED' LIMIT 1")[0];
    seen.put("record", get("/api/records/" + linkage).body());
    assertTrue(seen.get("record").contains("\"payloadDigest\""), seen.get("record"));
    assertEquals(List.of(), new PersonalNumberScanner(forbidden).scan(seen));
  }

  @Test
  void badParametersGetTheirFieldAndRule() throws Exception {
    assertProblem("/api/overview?hours=abc", 400, "hours", "whole-number");
    assertProblem("/api/findings?hours=0", 400, "hours", "range");
    assertProblem("/api/flows?from=yesterday", 400, "from", "iso-8601-instant");
    assertProblem(
        "/api/flows?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", 400, "from", "before-to");
    assertProblem(
        "/api/rejections?hours=1&from=2026-11-24T00:00:00Z", 400, "hours", "hours-or-from-to");
    assertProblem("/api/records/bad*id", 400, "linkageId", "linkage-id-format");
    assertProblem("/api/records/no-such-linkage", 404, "linkageId", "known-linkage");
    assertEquals(200, get("/api/overview?from=2026-01-01T00:00:00Z").statusCode());
  }

  @Test
  void withoutTheSupervisorsLoginNothingIsShownAndEveryReadIsInTheAccessLog() throws Exception {
    for (String path : List.of("/", "/monitor.js", "/api/overview", "/api/records/x")) {
      HttpResponse<String> anonymous = get(path, null, null);
      assertEquals(401, anonymous.statusCode(), path);
      assertEquals(
          MonitorWeb.REALM_HEADER,
          anonymous.headers().firstValue("WWW-Authenticate").orElse(""),
          path);
    }
    assertEquals(401, get("/api/overview", SUPERVISOR, "wrong password").statusCode());
    HttpResponse<String> garbled =
        HTTP.send(
            HttpRequest.newBuilder(web.uri().resolve("/api/overview"))
                .header("Authorization", "Basic %%%not-base64")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, garbled.statusCode(), "a garbled header is no login, not a server error");
    assertEquals(401, get("/api/overview", "nobody", PASSWORD).statusCode());

    String linkage =
        row("SELECT linkage_id FROM core_provision_record ORDER BY requested_at LIMIT 1")[0];
    assertEquals(200, get("/api/records/" + linkage).statusCode());
    List<String> log = accessLog();
    assertTrue(
        log.stream()
            .anyMatch(
                e ->
                    e.startsWith("login-refused {\"user\":\"" + SUPERVISOR + "\"")
                        && e.contains("\"request\":\"GET /api/overview\"")),
        "the wrong password: " + log);
    assertTrue(
        log.stream().anyMatch(e -> e.startsWith("login-refused {\"user\":\"nobody\"")),
        log.toString());
    assertTrue(
        log.stream()
            .anyMatch(
                e ->
                    e.equals(
                        "read {\"user\":\""
                            + SUPERVISOR
                            + "\",\"from\":\"127.0.0.1\","
                            + "\"request\":\"GET /api/records/"
                            + linkage
                            + "\",\"outcome\":\"200\"}")),
        log.toString());
    try (Connection c = core.getConnection()) {
      assertTrue(
          jp.linkage.hub.chain.ChainVerifier.verify(c, "ppc", MonitorAccessLog.CHAIN_NAME)
              .intact());
    }
    HubCli cli = new HubCli();
    var infra = DemoRun.hub().infra();
    assertEquals(
        0,
        cli.run(
            "audit",
            "verify",
            "--jdbc-url",
            infra.jdbcUrl("postgres"),
            "--user",
            infra.jdbcUser(),
            "--password",
            infra.jdbcPassword() == null ? "" : infra.jdbcPassword()),
        cli.err());
    assertTrue(cli.out().contains("ppc-access") && cli.out().contains("INTACT"), cli.out());
  }

  /** The access log's entries, oldest first, as "type payload". */
  private static List<String> accessLog() throws SQLException {
    return Sql.rows(
            core,
            "SELECT entry_type, payload FROM ppc_chain_entry WHERE chain = ? ORDER BY seq",
            MonitorAccessLog.CHAIN_NAME)
        .stream()
        .map(entry -> entry.get(0) + " " + entry.get(1))
        .toList();
  }

  @Test
  void pagesAndDataCarryTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/monitor.js", "/api/overview")) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertEquals(
          MonitorWeb.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
    }
    assertEquals("no-store", get("/api/overview").headers().firstValue("Cache-Control").orElse(""));
  }

  private static void assertProblem(String path, int status, String field, String rule)
      throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    JsonNode problem = JSON.readTree(r.body());
    assertEquals(field, problem.path("field").asText(), r.body());
    assertEquals(rule, problem.path("rule").asText(), r.body());
    assertFalse(problem.path("message").asText().isBlank(), r.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(path, SUPERVISOR, PASSWORD);
  }

  /** A request with HTTP Basic credentials, or none when {@code user} is null. */
  private static HttpResponse<String> get(String path, String user, String password)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(web.uri().resolve(path));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The page, logged in as the supervisor (credentials in the URL: Chromium keeps them for the
   * page's fetches).
   */
  private static void open() {
    URI uri = web.uri();
    browser.get(
        uri.getScheme()
            + "://"
            + SUPERVISOR
            + ":"
            + PASSWORD.replace(" ", "%20")
            + "@"
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "/");
    waitReady("overview");
  }

  private static void waitReady(String... sections) {
    for (String section : sections) {
      wait.until(d -> "ready".equals(d.findElement(By.id(section)).getAttribute("data-state")));
    }
  }

  private static String card(String key) {
    return browser.findElement(By.cssSelector("#overview div[data-key=" + key + "] dd")).getText();
  }

  private static long[] counts(String sql) throws SQLException {
    return Sql.rows(core, sql).get(0).stream().mapToLong(Long::parseLong).toArray();
  }

  private static String[] row(String sql) throws SQLException {
    List<List<String>> rows = Sql.rows(core, sql);
    assertFalse(rows.isEmpty(), sql);
    return rows.get(0).toArray(String[]::new);
  }
}
