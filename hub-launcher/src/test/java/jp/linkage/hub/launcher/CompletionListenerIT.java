package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import org.junit.jupiter.api.Test;

/** The intermediate server announces each query's completion once, after it is committed. */
class CompletionListenerIT {
  @Test
  void answeredAndDeniedQueriesAreAnnouncedWithTheCommittedStatus() throws Exception {
    DemoRun.report(); // symbols and replicas are in place
    Hub hub = DemoRun.hub();
    IntermediateServer server = hub.server();
    Map<String, QueryCompletion> seen = new ConcurrentHashMap<>();
    Map<String, String> committedWhenSeen = new ConcurrentHashMap<>();
    Consumer<QueryCompletion> listener =
        c -> {
          seen.merge(
              c.linkageId(),
              c,
              (a, b) -> new QueryCompletion(a.agency(), a.linkageId(), "TWICE", null));
          try {
            committedWhenSeen.put(
                c.linkageId(), server.result(c.agency(), c.linkageId()).orElseThrow().status());
          } catch (java.sql.SQLException e) {
            committedWhenSeen.put(c.linkageId(), "unreadable: " + e.getMessage());
          }
        };
    server.addCompletionListener(listener);
    try {
      String person0Muni = DemoPeople.municipalityOf(hub.registry().persons().get(0));
      ItemRef localTax = new ItemRef("local-tax-info", DemoPeople.EDITION);
      String answered =
          server.query(
              "nenkin",
              new Query("N00000000", "pension-benefit-eligibility", person0Muni, localTax));
      String denied =
          server.query(
              "hi-kenpo-06130001",
              new Query("K000000", "pension-benefit-eligibility", DemoPeople.CHIYODA, localTax));
      // the listener records what it saw, then what was committed: wait for the second, written
      // last
      await("both completions and what was committed when each was announced")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  committedWhenSeen.containsKey(answered) && committedWhenSeen.containsKey(denied));

      assertEquals(
          new QueryCompletion("nenkin", answered, "ANSWERED", "PROVIDED"), seen.get(answered));
      assertEquals(
          new QueryCompletion("hi-kenpo-06130001", denied, "DENIED", null), seen.get(denied));
      assertEquals("ANSWERED", committedWhenSeen.get(answered), "announced only once committed");
      assertEquals("DENIED", committedWhenSeen.get(denied));
      QueryResult r = server.result("nenkin", answered).orElseThrow();
      assertTrue(r.answer().has("data"), r.toString());
    } finally {
      server.removeCompletionListener(listener);
    }
  }
}
