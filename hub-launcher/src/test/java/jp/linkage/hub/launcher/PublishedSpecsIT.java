package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.spec.MessageSchemas;
import jp.linkage.hub.testing.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real messages of a demo run, read from every hub topic, validate against the published JSON
 * Schemas (read from the files {@code hub specs} wrote) under networknt, an independent validator.
 * Records the hub itself refused (the demo's deliberate back-office bug) must be refused by the
 * schema too.
 */
class PublishedSpecsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path out;
  private static SpecFolder specs;
  private static List<JsonNode> messages;

  @BeforeAll
  static void runDemoAndReadTopics() throws Exception {
    DemoRun.report();
    specs = SpecFolder.written(out);
    messages = readAll(DemoRun.hub().infra().kafkaBootstrapServers());
  }

  @Test
  void everyMessageTheHubAcceptedOrSentValidatesAgainstThePublishedSchemaOfItsType() {
    Set<String> rejectedIds = new HashSet<>();
    for (JsonNode m : messages) {
      if (MessageType.MESSAGE_REJECTED.wireName().equals(m.path("type").asText())) {
        rejectedIds.add(m.at("/data/rejectedMessageId").asText());
      }
    }
    Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
    List<String> invalid = new ArrayList<>();
    int refusedByBoth = 0;
    for (JsonNode m : messages) {
      MessageType type = MessageType.fromWireName(m.path("type").asText()).orElse(null);
      Set<ValidationMessage> problems =
          type == null
              ? specs.schema(MessageSchemas.ENVELOPE_PATH).validate(m)
              : specs.schema(MessageSchemas.messagePath(type)).validate(m);
      boolean hubRefused = rejectedIds.contains(m.path("id").asText());
      if (hubRefused) {
        refusedByBoth += problems.isEmpty() ? 0 : 1;
        continue;
      }
      if (!problems.isEmpty()) {
        invalid.add(m + " -> " + problems);
      }
      seen.add(type);
    }
    assertEquals(List.of(), invalid);
    assertTrue(messages.size() > 50, "the demo wrote messages: " + messages.size());
    assertTrue(
        refusedByBoth >= 1, "the demo's malformed query is refused by the published schema too");
    assertEquals(EnumSet.allOf(MessageType.class), seen, "the demo produced every message type");
  }

  @Test
  void theDemosMalformedQueryIsRefusedByTheSchemaForTheRightReason() {
    JsonNode malformed =
        messages.stream()
            .filter(m -> m.path("id").asText().startsWith("malformed-"))
            .findFirst()
            .orElseThrow();
    Set<ValidationMessage> problems =
        specs.schema(MessageSchemas.messagePath(MessageType.QUERY_REQUESTED)).validate(malformed);
    assertFalse(problems.isEmpty());
    assertTrue(
        problems.stream().anyMatch(p -> p.getMessage().contains("symbol")), problems.toString());
  }

  /** Every record value on every {@code ipn.*} topic, from the beginning to the current end. */
  private static List<JsonNode> readAll(String bootstrap) throws Exception {
    List<JsonNode> values = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicRecords.fromStart(bootstrap, t -> t.startsWith("ipn."))) {
      values.add(JSON.readTree(r.value()));
    }
    return values;
  }
}
