package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.linkage.hub.core.inbound.CoreInbound;
import jp.linkage.hub.core.records.RejectedMessageTable;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.iface.routing.InboundRouter;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.ServerSetup;
import jp.linkage.hub.testing.Sql;
import jp.linkage.hub.testing.TopicRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redelivery of any Kafka record has no second effect: every topic is replayed from offset 0 into
 * the core and into the intermediate server after the demo, and nothing they keep changes.
 */
class RedeliveryIT {
  private static Hub hub;

  @BeforeAll
  static void runDemo() throws Exception {
    DemoRun.report();
    hub = DemoRun.hub();
  }

  @Test
  void replayingEveryToHubTopicIntoTheCoreChangesNothing() throws Exception {
    DataSource core = hub.infra().dataSource(Hub.CORE_DATABASE);
    Map<String, Long> before =
        counts(
            core,
            "domainevententry",
            "core_provision_record",
            "core_chain_entry",
            "core_rejected_message");
    List<ConsumerRecord<String, byte[]>> records =
        TopicRecords.fromStart(
            hub.infra().kafkaBootstrapServers(),
            Pattern.compile("ipn\\..*\\.to-hub").asMatchPredicate());
    assertTrue(records.size() > 40, "records to replay: " + records.size());

    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaSettings.producer(hub.infra().kafkaBootstrapServers(), "redelivery-it"))) {
      InboundRouter router =
          new InboundRouter(
              new EnvelopeCodec(),
              new CoreInbound(
                  hub.core().axon().commandGateway(), hub.agencies(), Clock.systemUTC()),
              producer,
              new RejectedMessageTable(core));
      router.handle(records);
    }

    assertEquals(
        before,
        counts(
            core,
            "domainevententry",
            "core_provision_record",
            "core_chain_entry",
            "core_rejected_message"));
  }

  @Test
  void replayingEveryFromHubTopicIntoTheIntermediateServerChangesNothing() throws Exception {
    DataSource is = hub.infra().dataSource(Hub.SERVER_DATABASE);
    String[] tables = {
      "is_provision_record",
      "is_person_link",
      "is_replica",
      "is_rejection",
      "is_outbox",
      "is_chain_entry",
      "is_query WHERE status <> 'SENT'"
    };
    Map<String, Long> before = counts(is, tables);
    String group = "replay-" + System.nanoTime();
    // a second server process on the same database, whose fresh consumer group starts at offset 0
    try (IntermediateServer replica =
        IntermediateServer.start(
            ServerSetup.builder()
                .dataSource(is)
                .kafkaBootstrap(hub.infra().kafkaBootstrapServers())
                .processName(group)
                .tenants(hub.tenants())
                .directory(hub.directory())
                .layouts(new LayoutValidator(LayoutCatalog.loadFromClasspath()))
                .registry(
                    (agency, ref, myNumber) -> {
                      throw new IllegalStateException("no symbol requests during replay");
                    })
                .clock(Clock.systemUTC())
                .build())) {
      await("the replay group to reach the end of every from-hub topic")
          .atMost(Duration.ofSeconds(60))
          .until(() -> caughtUp(group, Pattern.compile("ipn\\..*\\.from-hub")));
    }
    assertEquals(before, counts(is, tables));
  }

  private static Map<String, Long> counts(DataSource ds, String... tables) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : tables) {
      counts.put(t, Sql.count(ds, "SELECT count(*) FROM " + t));
    }
    return counts;
  }

  private static boolean caughtUp(String group, Pattern topics) throws Exception {
    List<TopicPartition> tps =
        TopicRecords.partitions(hub.infra().kafkaBootstrapServers(), topics.asMatchPredicate());
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", hub.infra().kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      tps.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      return tps.stream()
          .allMatch(
              tp ->
                  ends.get(tp).offset() == 0
                      || (committed.get(tp) != null
                          && committed.get(tp).offset() >= ends.get(tp).offset()));
    }
  }
}
