package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.client.HubClient;
import jp.linkage.hub.iface.client.HubListener;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A back-office system speaking to the hub with the Java client, on the real stack. */
class HubClientIT {
  private static final Map<String, QueryDenied> denied = new ConcurrentHashMap<>();
  private static final Map<String, Rejection> rejected = new ConcurrentHashMap<>();
  private static HubClient client;

  @BeforeAll
  static void connect() throws Exception {
    Hub hub = DemoRun.hub();
    client =
        HubClient.connect(
            hub.infra().kafkaBootstrapServers(),
            "muni-271004",
            "osaka-client-it",
            new HubListener() {
              @Override
              public void queryDenied(Envelope envelope, QueryDenied message) {
                denied.put(message.linkageId(), message);
              }

              @Override
              public void rejected(Envelope envelope, Rejection message) {
                if (message.rejectedMessageId() != null) {
                  rejected.put(message.rejectedMessageId(), message);
                }
              }
            });
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void aForgedSymbolIsDeniedBackToTheClient() throws Exception {
    String linkageId =
        client.query(
            new QueryRequest(
                "nhi-eligibility",
                "hi-kenpo-06130001",
                "medical-insurance-eligibility",
                "AQ" + "A".repeat(65),
                "2026-04"));
    await("the denial of " + linkageId)
        .atMost(Duration.ofSeconds(60))
        .until(() -> denied.containsKey(linkageId));
    assertTrue(
        denied.get(linkageId).reason().startsWith("SYMBOL_"), denied.get(linkageId).toString());
  }

  @Test
  void aQueryWithoutItemIsRejectedNamingTheField() throws Exception {
    Envelope bad =
        client
            .codec()
            .envelope(
                Envelope.agencySource("muni-271004"),
                MessageType.QUERY_REQUESTED,
                "c",
                Map.of(
                    "procedure",
                    "nhi-eligibility",
                    "provider",
                    "hi-kenpo-06130001",
                    "symbol",
                    "x",
                    "layoutEdition",
                    "2026-04"));
    client.send(bad);
    await("the rejection of " + bad.id())
        .atMost(Duration.ofSeconds(60))
        .until(() -> rejected.containsKey(bad.id()));
    assertEquals("data.item", rejected.get(bad.id()).field());
    assertEquals("required", rejected.get(bad.id()).rule());
  }
}
