package jp.linkage.hub.iface.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import jp.linkage.hub.iface.message.SymbolIssued;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.SpecDocument;
import jp.linkage.hub.layout.spec.SpecGenerationException;
import org.junit.jupiter.api.Test;

/**
 * Envelopes made by {@link EnvelopeCodec} validate against the published schemas under networknt,
 * and on a corpus of broken envelopes the schemas refuse what the codec refuses.
 */
class MessageSchemasTest {
  /** Stand-in for the intermediate server's AnswerDocument (a module above this one). */
  record Answer(
      String item, String edition, Instant asOf, Instant masterChangedAt, JsonNode data) {}

  private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();
  private static final List<SpecDocument> DOCS = InterfaceSpecs.all(CATALOG, Answer.class);
  private static final PublishedSchemas SCHEMAS = new PublishedSchemas(DOCS);
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();
  private static final ObjectMapper JSON = CODEC.mapper();
  private static final String LINKAGE = "5b0c7d0e-3f1a-4c1e-9a55-0d3f0b2b7a10";

  /** A realistic (synthetic) payload of each type. */
  static Record sample(MessageType type) {
    return switch (type) {
      case SYMBOL_ISSUE_REQUESTED ->
          new SymbolIssueRequest("muni-131016", "req-1", "A3q0bWFkZS11cC1wb2ludA");
      case SYMBOL_ISSUED -> new SymbolIssued("req-1", "c3ltYm9sLWZvci1jaGl5b2Rh");
      case QUERY_REQUESTED ->
          new QueryRequest(
              "child-allowance", "muni-271004", "local-tax-info", "c3ltYm9s", "2026-04");
      case PROVISION_REQUESTED ->
          new ProvisionRequest(
              LINKAGE,
              "muni-131016",
              "child-allowance",
              "local-tax-info",
              "cHJvdmlkZXItc3ltYm9s",
              "2026-04");
      case PROVISION_ANSWERED -> new ProvisionAnswer(LINKAGE, ProvisionOutcome.NO_RECORD, null);
      case ANSWER_DELIVERED ->
          new AnswerDelivery(
              LINKAGE,
              "muni-271004",
              "child-allowance",
              "local-tax-info",
              "c3ltYm9s",
              ProvisionOutcome.PROVIDED,
              "TUlBR0NTcUdTSWIzRFFFSEE=");
      case QUERY_DENIED -> new QueryDenied(LINKAGE, "NOT_PERMITTED", "no row allows it", null);
      case MESSAGE_REJECTED ->
          new Rejection(null, null, "data.procedure", "required", "field procedure is required");
      case REPLICA_ALERT_REPORTED ->
          new jp.linkage.hub.iface.message.ReplicaAlertReport(
              7,
              jp.linkage.hub.iface.message.ReplicaAlertKind.OVERDUE,
              "medical-insurance-eligibility",
              Instant.parse("2026-11-20T00:00:00Z"),
              Instant.parse("2026-11-24T23:30:00Z"),
              null,
              "the master changed but the replica was not registered by its deadline",
              Instant.parse("2026-11-25T00:00:01Z"));
    };
  }

  private static ObjectNode encoded(MessageType type) throws Exception {
    String source =
        switch (MessageSpec.of(type).channel()) {
          case REGISTRY_TO_HUB -> "/registry";
          case AGENCY_TO_HUB -> Envelope.agencySource("muni-131016");
          case AGENCY_FROM_HUB -> Envelope.HUB_SOURCE;
        };
    Envelope envelope = CODEC.envelope(source, type, LINKAGE, sample(type));
    return (ObjectNode) JSON.readTree(CODEC.encode(envelope));
  }

  private static boolean codecAccepts(MessageType type, JsonNode message) {
    try {
      Envelope envelope = CODEC.decode(JSON.writeValueAsBytes(message));
      CODEC.payload(envelope, MessageSpec.of(type).payload());
      return true;
    } catch (MalformedMessageException e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everySchemaIsAValidDraft202012Schema() {
    for (SpecDocument doc : DOCS) {
      if (doc.content().has("$schema")) {
        assertEquals(Set.of(), SCHEMAS.metaSchemaProblems(doc.content()), doc.path());
      }
    }
  }

  @Test
  void everyMessageTheCodecMakesValidatesAgainstItsPublishedSchema() throws Exception {
    for (MessageType type : MessageType.values()) {
      JsonNode message = encoded(type);
      assertEquals(
          Set.of(), SCHEMAS.at(MessageSchemas.messagePath(type)).validate(message), type.name());
      assertEquals(
          Set.of(), SCHEMAS.at(MessageSchemas.ENVELOPE_PATH).validate(message), type.name());
    }
  }

  @Test
  void aMessageDoesNotPassAsAnotherType() throws Exception {
    JsonSchema denied = SCHEMAS.at(MessageSchemas.messagePath(MessageType.QUERY_DENIED));
    assertFalse(denied.validate(encoded(MessageType.QUERY_REQUESTED)).isEmpty());
  }

  @Test
  void schemaRefusesWhatTheCodecRefuses() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int refused = 0;
    for (MessageType type : MessageType.values()) {
      JsonSchema schema = SCHEMAS.at(MessageSchemas.messagePath(type));
      for (JsonNode message : mutations(encoded(type))) {
        boolean codec = codecAccepts(type, message);
        boolean published = schema.validate(message).isEmpty();
        if (codec != published) {
          disagreements.add(
              type + " " + message + ": codec " + codec + ", schema " + schema.validate(message));
        }
        refused += codec ? 0 : 1;
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(refused > 8 * MessageType.values().length, "refused " + refused);
  }

  /** The envelope broken one attribute or payload field at a time, in ways the codec detects. */
  private static List<JsonNode> mutations(ObjectNode message) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> out = new ArrayList<>(List.of(message));
    for (String attribute :
        List.of("specversion", "id", "type", "time", "correlationid", "schemaversion", "data")) {
      ObjectNode without = message.deepCopy();
      without.remove(attribute);
      out.add(without);
    }
    out.add(message.deepCopy().put("specversion", "0.3"));
    out.add(message.deepCopy().put("schemaversion", "2"));
    out.add(message.deepCopy().put("type", "jp.ipn.unknown"));
    out.add(message.deepCopy().put("id", " "));
    out.add(message.deepCopy().put("correlationid", ""));
    out.add(message.deepCopy().put("extension", "x"));
    out.add(message.deepCopy().set("data", f.arrayNode()));
    ObjectNode extraField = message.deepCopy();
    ((ObjectNode) extraField.get("data")).put("myNumber", "x");
    out.add(extraField);
    for (Iterator<String> names = message.get("data").fieldNames(); names.hasNext(); ) {
      String field = names.next();
      for (JsonNode value :
          List.<JsonNode>of(
              f.nullNode(),
              f.textNode(""),
              f.textNode("  "),
              f.textNode("PROVIDED"),
              f.textNode("MAYBE"))) {
        ObjectNode changed = message.deepCopy();
        ((ObjectNode) changed.get("data")).set(field, value);
        out.add(changed);
      }
      ObjectNode without = message.deepCopy();
      ((ObjectNode) without.get("data")).remove(field);
      out.add(without);
    }
    return out;
  }

  @Test
  void scalarCoercionIsTheKnownLaxityOfTheCodec() throws Exception {
    // Jackson turns 42 into "42" for a String component; the published schema asks for the string
    // the
    // hub itself always writes. Pinned so that tightening the codec is a conscious change.
    ObjectNode message = encoded(MessageType.QUERY_REQUESTED);
    ((ObjectNode) message.get("data")).put("procedure", 42);
    assertTrue(codecAccepts(MessageType.QUERY_REQUESTED, message));
    assertFalse(
        SCHEMAS
            .at(MessageSchemas.messagePath(MessageType.QUERY_REQUESTED))
            .validate(message)
            .isEmpty());
  }

  @Test
  void optionalFieldsAreNotRequiredAndEnumsAreListed() {
    JsonNode answer =
        DOCS.stream()
            .filter(d -> d.path().equals(MessageSchemas.payloadPath(ProvisionAnswer.class)))
            .findFirst()
            .orElseThrow()
            .content();
    assertEquals(JSON.valueToTree(List.of("linkageId", "outcome")), answer.get("required"));
    assertEquals(
        JSON.valueToTree(Arrays.stream(ProvisionOutcome.values()).map(Enum::name).toList()),
        answer.at("/properties/outcome/enum"));
    assertFalse(answer.get("additionalProperties").asBoolean());
  }

  @Test
  void answerDocumentBindsDataToTheLayoutOfItsItemAndEdition() {
    JsonSchema schema = SCHEMAS.at(AnswerDocumentSchema.PATH);
    ObjectNode doc =
        JSON.createObjectNode()
            .put("item", "medical-insurance-eligibility")
            .put("edition", "2017-07")
            .put("asOf", "2026-04-01T00:00:00Z")
            .put("masterChangedAt", "2026-03-31T09:00:00Z");
    doc.set(
        "data",
        JSON.createObjectNode()
            .put("insurerNumber", "06130001")
            .put("insuranceType", "02")
            .put("insuredNumber", "10001")
            .put("insuredCategory", "1")
            .put("qualificationDate", "2019-04-01"));
    assertEquals(Set.of(), schema.validate(doc));
    ObjectNode newer = doc.deepCopy();
    ((ObjectNode) newer.get("data")).put("branchNumber", "01");
    assertFalse(schema.validate(newer).isEmpty(), "branchNumber is not in the 2017-07 edition");
    assertEquals(Set.of(), schema.validate(newer.put("edition", "2026-04")));
    assertFalse(schema.validate(doc.deepCopy().put("item", "pet-registry-info")).isEmpty());
  }

  @Test
  void aComponentTypeWithoutMappingStopsGeneration() {
    record Odd(java.util.UUID id) {}
    assertThrows(
        SpecGenerationException.class,
        () -> RecordJsonSchema.schema(Odd.class, "urn:x", "Odd", "odd"));
  }
}
