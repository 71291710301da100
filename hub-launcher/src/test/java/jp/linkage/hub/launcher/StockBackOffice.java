package jp.linkage.hub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * An agency's back-office as a stock Kafka client would be: a {@code KafkaProducer<String,String>}
 * writing JSON lines to {@code bo.<agency>.to-server} and a {@code KafkaConsumer<String,String>}
 * reading {@code bo.<agency>.from-server}. Uses no class of the project, only the documented
 * format.
 */
final class StockBackOffice implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String agency;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final List<JsonNode> received = new ArrayList<>();

  StockBackOffice(String bootstrap, String agency) {
    this.agency = agency;
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    this.producer = new KafkaProducer<>(p);
    Properties c = new Properties();
    c.put("bootstrap.servers", bootstrap);
    c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    this.consumer = new KafkaConsumer<>(c);
    List<TopicPartition> partitions =
        consumer.partitionsFor("bo." + agency + ".from-server").stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * A CloudEvents envelope as the doc shows it, with a fresh id that is also its correlation id.
   */
  ObjectNode envelope(String type, ObjectNode data) {
    String id = UUID.randomUUID().toString();
    ObjectNode e = JSON.createObjectNode();
    e.put("specversion", "1.0")
        .put("id", id)
        .put("source", "/agencies/" + agency)
        .put("type", type)
        .put("time", Instant.now().toString())
        .put("correlationid", id)
        .put("schemaversion", "1")
        .put("datacontenttype", "application/json")
        .set("data", data);
    return e;
  }

  /** Sends one line; returns where Kafka stored it. */
  RecordMetadata send(String key, String line) throws Exception {
    return producer.send(new ProducerRecord<>("bo." + agency + ".to-server", key, line)).get();
  }

  String send(ObjectNode envelope) throws Exception {
    send(envelope.path("data").path("localId").asText(null), envelope.toString());
    return envelope.get("id").asText();
  }

  /** Waits for the first from-server message that {@code match} accepts. */
  JsonNode await(String what, Predicate<JsonNode> match) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInSameThread()
        .until(() -> all().stream().filter(match).findFirst().orElse(null), n -> n != null);
  }

  /** Waits for the reply of {@code type} to the message {@code id}. */
  JsonNode reply(String type, String id) {
    return await(
        type + " for " + id,
        n -> type.equals(n.path("type").asText()) && id.equals(n.path("correlationid").asText()));
  }

  /** Everything read from the from-server topic so far (polls once). */
  List<JsonNode> all() throws Exception {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
      received.add(JSON.readTree(r.value()));
    }
    return received;
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
