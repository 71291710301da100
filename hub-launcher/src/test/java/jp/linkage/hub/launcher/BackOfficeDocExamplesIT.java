package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/backoffice-linkage.md true: every JSON example decodes as the server decodes messages,
 * and the walkthrough's lines, sent as they stand with a stock producer to the demo hub, get the
 * replies the page says.
 */
class BackOfficeDocExamplesIT {
  private static final Path DOC = Path.of("../docs/backoffice-linkage.md");
  private static final String AGENCY = DemoPeople.INSURER;

  @Test
  void everyJsonExampleIsAValidBackOfficeMessage() throws Exception {
    EnvelopeCodec codec = new EnvelopeCodec();
    Set<String> types = new TreeSet<>();
    for (String json : blocks("```json\n")) {
      Envelope e =
          codec.decode(
              json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              t -> BackOfficeMessageType.fromWireName(t).isPresent());
      BackOfficeMessageType type = BackOfficeMessageType.fromWireName(e.type()).orElseThrow();
      codec.payload(e, type.payload());
      types.add(type.wireName());
    }
    Set<String> all = new TreeSet<>();
    for (BackOfficeMessageType t : BackOfficeMessageType.values()) {
      all.add(t.wireName());
    }
    assertEquals(all, types, "the page shows every message type");
  }

  @Test
  void theWalkthroughDoesWhatThePageSays() throws Exception {
    DemoRun.report(); // K000000 has its symbol, Chiyoda its replicas
    List<String> lines = walkthrough();
    assertEquals(5, lines.size());
    try (StockBackOffice kenpo =
        new StockBackOffice(DemoRun.hub().infra().kafkaBootstrapServers(), AGENCY)) {
      RecordMetadata last = null;
      for (String line : lines) {
        last = kenpo.send(null, line);
      }
      assertEquals(
          "APPLIED",
          kenpo
              .reply("jp.ipn.replica.registered", "kenpo-change-0001")
              .at("/data/status")
              .asText());
      assertEquals(
          "PENDING",
          kenpo
              .reply("jp.ipn.replica.notice-received", "kenpo-notice-0001")
              .at("/data/status")
              .asText());
      JsonNode answer =
          kenpo.reply("jp.ipn.backoffice.query-completed", "kenpo-query-0001").get("data");
      assertEquals("ANSWERED", answer.get("status").asText(), answer.toString());
      assertEquals("PROVIDED", answer.get("outcome").asText());
      assertEquals("resident-registry-info", answer.at("/answer/item").asText());
      JsonNode bad = kenpo.reply("jp.ipn.message.rejected", "kenpo-change-0002").get("data");
      Set<String> fields = new TreeSet<>();
      bad.get("problems")
          .forEach(p -> fields.add(p.get("field").asText() + " " + p.get("rule").asText()));
      assertEquals(
          Set.of("data.data.insuranceType CODE_LIST", "data.data.insuredNumber REQUIRED"),
          fields,
          bad.toString());
      JsonNode notJson =
          kenpo
              .reply(
                  "jp.ipn.message.rejected",
                  "bo@" + last.topic() + "/" + last.partition() + "/" + last.offset())
              .get("data");
      assertEquals("json", notJson.get("rule").asText());

      // the first line again: no second effect, no second reply
      kenpo.send(null, lines.get(0));
      String marker =
          kenpo.send(
              kenpo.envelope(
                  "jp.ipn.replica.change-noticed",
                  StockBackOffice.JSON
                      .createObjectNode()
                      .put("item", "medical-insurance-eligibility")
                      .put("localId", "K900001")
                      .put("masterChangedAt", "2026-11-19T00:00:00Z")));
      assertEquals(
          "ALREADY_REGISTERED",
          kenpo.reply("jp.ipn.replica.notice-received", marker).at("/data/status").asText());
      assertEquals(
          1,
          kenpo.all().stream()
              .filter(n -> "kenpo-change-0001".equals(n.path("correlationid").asText()))
              .count(),
          "one reply to kenpo-change-0001");
    }
  }

  private static List<String> walkthrough() throws Exception {
    String doc = Files.readString(DOC);
    int marker = doc.indexOf("<!-- walkthrough: " + AGENCY + " -->");
    assertTrue(marker >= 0, "the walkthrough marker is on the page");
    int start = doc.indexOf("```jsonl\n", marker) + "```jsonl\n".length();
    return doc.substring(start, doc.indexOf("\n```", start)).lines().toList();
  }

  private static List<String> blocks(String fence) throws Exception {
    String doc = Files.readString(DOC);
    List<String> found = new ArrayList<>();
    for (int at = doc.indexOf(fence); at >= 0; at = doc.indexOf(fence, at + 1)) {
      int start = at + fence.length();
      found.add(doc.substring(start, doc.indexOf("\n```", start)).strip());
    }
    assertTrue(found.size() >= 8, "examples found: " + found.size());
    return found;
  }
}
