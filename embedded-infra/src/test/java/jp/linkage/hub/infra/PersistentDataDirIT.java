package jp.linkage.hub.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's HUB_DATA_DIR mode: a second process start finds the first one's rows and records. */
class PersistentDataDirIT {
  @Test
  void embeddedServersKeepDataAcrossRestartsInHubDataDir(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("HUB_DATA_DIR", dir.toString());
    try (HubInfrastructure first = HubInfrastructure.from(env)) {
      assertTrue(first.embeddedKafka() && first.embeddedPostgres());
      Topics.createTopics(first.kafkaBootstrapServers(), List.of("persist"), 1);
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  first.kafkaBootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("persist", "k", "before restart")).get();
      }
      try (Connection c = first.dataSource("persist").getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (note TEXT)");
        s.execute("INSERT INTO kept VALUES ('before restart')");
      }
    }
    assertTrue(
        Files.isDirectory(dir.resolve("kafka")) && Files.isDirectory(dir.resolve("postgres")));

    try (HubInfrastructure second = HubInfrastructure.from(env)) {
      try (Connection c = second.dataSource("persist").getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
        assertTrue(rs.next());
        assertEquals("before restart", rs.getString(1));
      }
      List<String> values = new ArrayList<>();
      try (var consumer =
          new KafkaConsumer<>(
              Map.<String, Object>of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.kafkaBootstrapServers()),
              new StringDeserializer(),
              new StringDeserializer())) {
        TopicPartition tp = new TopicPartition("persist", 0);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        await("record written before the restart")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                  return !values.isEmpty();
                });
      }
      assertEquals(List.of("before restart"), values);
    }
  }
}
