package jp.linkage.hub.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraIT {
  // this module's own infrastructure, chosen by the HUB_* variables as other modules' shared one is
  private static HubInfrastructure infra;

  @BeforeAll
  static void start() {
    infra = HubInfrastructure.fromEnvironment();
  }

  @AfterAll
  static void stop() {
    infra.close();
  }

  @Test
  void kafkaRoundTripsRecordsThroughAConsumerGroup() {
    String topic = "it-roundtrip-" + UUID.randomUUID();
    Topics.createTopics(infra.kafkaBootstrapServers(), List.of(topic), 3);
    Topics.createTopics(infra.kafkaBootstrapServers(), List.of(topic), 3); // idempotent

    produce(infra.kafkaBootstrapServers(), topic, 1000);
    List<ConsumerRecord<String, String>> got = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        consumer(infra.kafkaBootstrapServers(), "it-group")) {
      consumer.subscribe(List.of(topic));
      await("1000 records consumed")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return got.size() >= 1000;
              });
    }
    assertEquals(1000, got.size());
    assertEquals(1000, got.stream().map(ConsumerRecord::key).distinct().count());
    got.forEach(r -> assertEquals("value-" + r.key().substring(4), r.value()));
  }

  @Test
  void postgresIsDurableAndStoresRows() throws Exception {
    DataSource ds = infra.dataSource("it_embedded_infra");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertEquals("on", show(s, "fsync"));
      assertEquals("on", show(s, "synchronous_commit"));
      s.execute("CREATE TABLE IF NOT EXISTS probe (id INT PRIMARY KEY, note TEXT NOT NULL)");
      s.execute("TRUNCATE probe");
      s.execute("INSERT INTO probe VALUES (1, '千代田区'), (2, '大阪市')");
      try (ResultSet rs = s.executeQuery("SELECT note FROM probe ORDER BY id")) {
        List<String> notes = new ArrayList<>();
        while (rs.next()) {
          notes.add(rs.getString(1));
        }
        assertEquals(List.of("千代田区", "大阪市"), notes);
      }
    }
    assertTrue(infra.jdbcUrl("it_embedded_infra").endsWith("/it_embedded_infra"));
  }

  @Test
  void brokerRestartOnSameDataDirKeepsRecords(@TempDir Path dir) {
    String topic = "it-restart";
    int port;
    try (EmbeddedKafka first = EmbeddedKafka.start(dir, 0)) {
      port = first.port();
      Topics.createTopics(first.bootstrapServers(), List.of(topic), 1);
      produce(first.bootstrapServers(), topic, 100);
    }
    try (EmbeddedKafka second = EmbeddedKafka.start(dir, port)) {
      assertEquals(port, second.port());
      List<ConsumerRecord<String, String>> got = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = consumer(second.bootstrapServers(), null)) {
        consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
        consumer.seekToBeginning(consumer.assignment());
        await("records written before the restart")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                  return got.size() >= 100;
                });
      }
      assertEquals(100, got.size());
      assertEquals("key-0", got.get(0).key());
      assertEquals("value-99", got.get(99).value());
    }
  }

  private static void produce(String bootstrap, String topic, int count) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
      }
      producer.flush();
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
    Map<String, Object> config =
        new java.util.HashMap<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static String show(Statement s, String setting) throws Exception {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
