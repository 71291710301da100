package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import org.junit.jupiter.api.Test;

/**
 * A bulk query (一括照会) of a few thousand from the pension organisation to Chiyoda, on the shared hub
 * whose bulk window is {@link DemoRun#BULK_WINDOW}: every query is answered, the in-flight gauge
 * never exceeds the window, and the insurer's own query to Chiyoda is not queued behind the bulk.
 */
class BulkQueryIT {
  private static final int QUERIES = 3_000;
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", EDITION);

  @Test
  void aBulkIsPacedByItsWindowEndsCompletelyAndStarvesNoOtherQuerier() throws Exception {
    DemoRun.report(); // symbols and replicas are in place
    Hub hub = DemoRun.hub();
    IntermediateServer server = hub.server();
    List<Person> people = hub.registry().persons();
    List<Integer> taxed =
        IntStream.range(0, people.size() - 1) // the last person has no tax record
            .filter(i -> DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA))
            .boxed()
            .toList();
    AtomicInteger sampledPeak = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    Consumer<QueryCompletion> sampler =
        c -> {
          if (c.agency().equals(NENKIN)) {
            sampledPeak.accumulateAndGet((int) gauge("hub.bulk.in_flight"), Math::max);
            samples.incrementAndGet();
          }
        };
    server.addCompletionListener(sampler);
    // the demo hub is shared: other tests' bulks (hub batch queries files) count in the same lane
    double dispatchedBefore = counter("hub.bulk.dispatched", lane());
    double answeredBefore = counter("hub.bulk.completed", lane("status", "ANSWERED"));
    long timedBefore = timed();
    try {
      String bulkId =
          server.submitBulk(
              NENKIN,
              "bulk-it",
              IntStream.range(0, QUERIES)
                  .mapToObj(
                      k ->
                          new Query(
                              DemoPeople.idFor(NENKIN, taxed.get(k % taxed.size())),
                              "pension-benefit-eligibility",
                              CHIYODA,
                              LOCAL_TAX))
                  .iterator());

      await("the bulk under way")
          .atMost(Duration.ofMinutes(2))
          .until(() -> server.bulkStatus(NENKIN, bulkId).orElseThrow().answered() > 0);
      int insured = taxed.stream().filter(DemoPeople::insured).findFirst().orElseThrow();
      String interactive =
          server.query(
              INSURER,
              new Query(
                  DemoPeople.idFor(INSURER, insured),
                  "health-insurance-benefit",
                  CHIYODA,
                  LOCAL_TAX));
      await("the insurer's query")
          .atMost(Duration.ofMinutes(1))
          .until(() -> server.result(INSURER, interactive).map(QueryResult::isFinal).orElse(false));
      BulkStatus mid = server.bulkStatus(NENKIN, bulkId).orElseThrow();
      assertEquals("ANSWERED", server.result(INSURER, interactive).orElseThrow().status());
      assertTrue(mid.queued() > 0, "answered while the bulk still had queued work: " + mid);

      await("every query of the bulk")
          .atMost(Duration.ofMinutes(5))
          .until(() -> server.bulkStatus(NENKIN, bulkId).orElseThrow().isDone());
      BulkStatus done = server.bulkStatus(NENKIN, bulkId).orElseThrow();
      assertEquals(new BulkStatus(bulkId, "bulk-it", QUERIES, 0, 0, QUERIES, 0, 0, 0), done);

      assertTrue(samples.get() >= QUERIES, "sampled at each completion: " + samples);
      assertTrue(
          sampledPeak.get() > 0 && sampledPeak.get() <= DemoRun.BULK_WINDOW,
          "sampled peak " + sampledPeak);
      assertEquals(
          DemoRun.BULK_WINDOW,
          gauge("hub.bulk.in_flight.max"),
          "the window was used, never exceeded");
      assertEquals(0, gauge("hub.bulk.queued"));
      assertEquals(QUERIES, counter("hub.bulk.dispatched", lane()) - dispatchedBefore);
      assertEquals(
          QUERIES, counter("hub.bulk.completed", lane("status", "ANSWERED")) - answeredBefore);
      assertEquals(QUERIES, timed() - timedBefore);

      List<QueryResult> results = new ArrayList<>();
      assertEquals(QUERIES, server.bulkResults(NENKIN, bulkId, results::add));
      for (int k = 0; k < QUERIES; k++) {
        QueryResult r = results.get(k);
        assertEquals(
            DemoPeople.idFor(NENKIN, taxed.get(k % taxed.size())), r.localId(), "submission order");
        assertEquals("PROVIDED", r.outcome(), r.toString());
        assertTrue(r.answer().has("data"), r.toString());
      }
      assertScrapedWindowPeak();
    } finally {
      server.removeCompletionListener(sampler);
    }
  }

  /** What an operator's Prometheus scraper would read from {@code --metrics-port}. */
  private static void assertScrapedWindowPeak() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, DemoRun.METERS)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      String lane = "{agency=\"nenkin\",provider=\"muni-131016\"}";
      assertTrue(
          response
              .body()
              .contains("hub_bulk_in_flight_max" + lane + " " + DemoRun.BULK_WINDOW + ".0"),
          response.body());
      double dispatched = counter("hub.bulk.dispatched", lane());
      assertTrue(dispatched >= QUERIES, "dispatched " + dispatched);
      assertTrue(
          response.body().contains("hub_bulk_dispatched_total" + lane + " " + dispatched),
          response.body());
    }
  }

  private static String[] lane(String... more) {
    return Stream.concat(Stream.of("agency", NENKIN, "provider", CHIYODA), Arrays.stream(more))
        .toArray(String[]::new);
  }

  /** A counter's count, 0 while nothing has counted yet. */
  private static double counter(String name, String... tags) {
    Counter c = DemoRun.METERS.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private static long timed() {
    Timer t = DemoRun.METERS.find("hub.bulk.round_trip").tags(lane()).timer();
    return t == null ? 0 : t.count();
  }

  private static double gauge(String name) {
    return DemoRun.METERS.get(name).tags(lane()).gauge().value();
  }
}
