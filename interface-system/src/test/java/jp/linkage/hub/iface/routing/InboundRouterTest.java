package jp.linkage.hub.iface.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.ReplicaAlertKind;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Routing rules above Kafka: the core side is a recording stub and the producer is Kafka's own
 * MockProducer; the real path is covered end to end by the launcher's ITs.
 */
class InboundRouterTest {
  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final List<String> routed = new ArrayList<>();
  private final List<String> kept = new ArrayList<>();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final InboundRouter router =
      new InboundRouter(
          codec,
          new HubInbound() {
            @Override
            public void symbolIssueRequested(Envelope e, SymbolIssueRequest r) {
              routed.add("symbol:" + r.agency());
            }

            @Override
            public void queryRequested(String querier, Envelope e, QueryRequest r)
                throws MalformedMessageException {
              if (r.provider().equals("nobody")) {
                throw new MalformedMessageException(
                    "data.provider", "registered-agency", "no such provider");
              }
              routed.add("query:" + querier);
            }

            @Override
            public void provisionAnswered(String provider, Envelope e, ProvisionAnswer a) {
              routed.add("answer:" + provider);
            }

            @Override
            public void replicaAlertReported(String agency, Envelope e, ReplicaAlertReport r) {
              routed.add("alert:" + agency + ":" + r.kind() + ":" + r.item());
            }
          },
          producer,
          (sender, topic, partition, offset, id, field, rule, message, value) ->
              kept.add(sender + "|" + field + "|" + rule + "|" + value));

  @Test
  void routesAWellFormedQueryFromItsOwnTopic() throws Exception {
    router.handle(List.of(record(TopicLayout.toHub("nenkin"), 0, query("nenkin", "muni-131016"))));
    assertEquals(List.of("query:nenkin"), routed);
    assertTrue(kept.isEmpty());
  }

  @Test
  void rejectsASourceThatIsNotTheTopicsAgencyAndKeepsIt() throws Exception {
    router.handle(
        List.of(record(TopicLayout.toHub("nenkin"), 0, query("muni-131016", "muni-271004"))));
    assertTrue(routed.isEmpty());
    assertEquals(1, kept.size());
    assertTrue(kept.get(0).startsWith("nenkin|source|sender-matches-topic|"), kept.get(0));
    Rejection r = rejectionSentTo("nenkin", 0);
    assertEquals("sender-matches-topic", r.rule());
  }

  @Test
  void rejectsHubOnlyTypesAndRegistryTypesFromAgencies() throws Exception {
    Envelope fromAgency =
        codec.envelope(
            Envelope.agencySource("nenkin"),
            MessageType.SYMBOL_ISSUE_REQUESTED,
            "r",
            new SymbolIssueRequest("nenkin", "r", "AAAA"));
    router.handle(List.of(record(TopicLayout.toHub("nenkin"), 0, codec.encode(fromAgency))));
    assertEquals("type-allowed-from-sender", rejectionSentTo("nenkin", 0).rule());
    assertTrue(routed.isEmpty());
  }

  @Test
  void aCoreRefusalBecomesASpecificRejectionAndTheNextRecordStillFlows() throws Exception {
    router.handle(
        List.of(
            record(TopicLayout.toHub("nenkin"), 0, query("nenkin", "nobody")),
            record(TopicLayout.toHub("nenkin"), 1, "garbage".getBytes(StandardCharsets.UTF_8)),
            record(TopicLayout.toHub("nenkin"), 2, query("nenkin", "muni-131016"))));
    assertEquals(List.of("query:nenkin"), routed);
    assertEquals("registered-agency", rejectionSentTo("nenkin", 0).rule());
    assertEquals("json", rejectionSentTo("nenkin", 1).rule());
  }

  @Test
  void keptValuesAreRedactedAndRedeliveredRejectionsCarryTheSameId() throws Exception {
    byte[] leaking = ("{\"oops\":\"123456789018\"}").getBytes(StandardCharsets.UTF_8);
    router.handle(List.of(record(TopicLayout.toHub("nenkin"), 5, leaking)));
    router.handle(List.of(record(TopicLayout.toHub("nenkin"), 5, leaking)));
    assertFalse(kept.get(0).contains("123456789018"), kept.get(0));
    assertTrue(kept.get(0).contains("############"));
    assertEquals(2, producer.history().size());
    assertEquals(
        codec.decode(producer.history().get(0).value()).id(),
        codec.decode(producer.history().get(1).value()).id());
  }

  @Test
  void registryTopicAcceptsOnlyTheRegistry() throws Exception {
    Envelope ok =
        codec.envelope(
            InboundRouter.REGISTRY_SOURCE,
            MessageType.SYMBOL_ISSUE_REQUESTED,
            "r",
            new SymbolIssueRequest("nenkin", "r", "AAAA"));
    Envelope spoof =
        codec.envelope(
            Envelope.agencySource("nenkin"),
            MessageType.SYMBOL_ISSUE_REQUESTED,
            "r",
            new SymbolIssueRequest("nenkin", "r", "AAAA"));
    router.handle(
        List.of(
            record(TopicLayout.REGISTRY_TO_HUB, 0, codec.encode(ok)),
            record(TopicLayout.REGISTRY_TO_HUB, 1, codec.encode(spoof))));
    assertEquals(List.of("symbol:nenkin"), routed);
    assertEquals(1, kept.size());
    assertTrue(kept.get(0).startsWith("registry|source|"));
    assertTrue(producer.history().isEmpty(), "the registry has no from-hub topic");
  }

  private Rejection rejectionSentTo(String agency, int index) throws Exception {
    var sent =
        producer.history().stream()
            .filter(r -> r.topic().equals(TopicLayout.fromHub(agency)))
            .toList();
    Envelope e = codec.decode(sent.get(index).value());
    assertEquals(MessageType.MESSAGE_REJECTED.wireName(), e.type());
    return codec.payload(e, Rejection.class);
  }

  @Test
  void aReplicaAlertFromItsAgencysTopicReachesTheCoreAndOneWithoutItsItemIsRejected()
      throws Exception {
    ReplicaAlertReport report =
        new ReplicaAlertReport(
            7,
            ReplicaAlertKind.OVERDUE,
            "medical-insurance-eligibility",
            java.time.Instant.parse("2026-11-20T00:00:00Z"),
            java.time.Instant.parse("2026-11-23T23:30:00Z"),
            null,
            "the master changed but the replica was not registered by its deadline",
            java.time.Instant.parse("2026-11-24T00:00:01Z"));
    router.handle(
        List.of(
            record(
                TopicLayout.toHub("hi-kenpo-06130001"),
                0,
                codec.encode(
                    codec.envelope(
                        Envelope.agencySource("hi-kenpo-06130001"),
                        MessageType.REPLICA_ALERT_REPORTED,
                        "alert-7",
                        report)))));
    assertEquals(List.of("alert:hi-kenpo-06130001:OVERDUE:medical-insurance-eligibility"), routed);

    ReplicaAlertReport noItem =
        new ReplicaAlertReport(
            8,
            ReplicaAlertKind.OVERDUE,
            null,
            null,
            null,
            null,
            "x",
            java.time.Instant.parse("2026-11-24T00:00:01Z"));
    router.handle(
        List.of(
            record(
                TopicLayout.toHub("hi-kenpo-06130001"),
                1,
                codec.encode(
                    codec.envelope(
                        Envelope.agencySource("hi-kenpo-06130001"),
                        MessageType.REPLICA_ALERT_REPORTED,
                        "alert-8",
                        noItem)))));
    assertEquals(1, routed.size());
    assertEquals("data.item", rejectionSentTo("hi-kenpo-06130001", 0).field());
  }

  @Test
  void aBatchRunsInOneTransactionAndIsRedoneRecordByRecordWhenThatFails() throws Exception {
    List<Integer> transactions = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    HubInbound core =
        new HubInbound() {
          @Override
          public void symbolIssueRequested(Envelope e, SymbolIssueRequest r) {}

          @Override
          public void queryRequested(String querier, Envelope e, QueryRequest r) {
            calls.add(querier);
          }

          @Override
          public void provisionAnswered(String provider, Envelope e, ProvisionAnswer a) {}

          @Override
          public void replicaAlertReported(String agency, Envelope e, ReplicaAlertReport r) {}

          @Override
          public void inOneTransaction(BatchWork work) {
            int before = calls.size();
            work.run();
            transactions.add(calls.size() - before);
            if (transactions.size() == 1) {
              throw new IllegalStateException("commit failed"); // the whole batch rolled back
            }
          }
        };
    InboundRouter batching =
        new InboundRouter(codec, core, producer, (a, b, c, d, e, f, g, h, i) -> {});
    batching.handle(
        List.of(
            record(TopicLayout.toHub("nenkin"), 0, query("nenkin", "muni-131016")),
            record(TopicLayout.toHub("muni-131016"), 1, query("muni-131016", "nenkin"))));
    assertEquals(
        List.of(2, 1, 1), transactions, "one transaction for the batch, then one per record");
    assertEquals(List.of("nenkin", "muni-131016", "nenkin", "muni-131016"), calls);
  }

  private byte[] query(String source, String provider) {
    return codec.encode(
        codec.envelope(
            Envelope.agencySource(source),
            MessageType.QUERY_REQUESTED,
            "L",
            new QueryRequest(
                "pension-benefit-eligibility", provider, "local-tax-info", "sym", "2026-04")));
  }

  private static ConsumerRecord<String, byte[]> record(String topic, long offset, byte[] value) {
    return new ConsumerRecord<>(topic, 0, offset, null, value);
  }
}
