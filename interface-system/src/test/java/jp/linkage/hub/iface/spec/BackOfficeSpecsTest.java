package jp.linkage.hub.iface.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import jp.linkage.hub.iface.backoffice.message.BackOfficeQuery;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.ChangeNoticed;
import jp.linkage.hub.iface.backoffice.message.MasterChanged;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaAlertRaised;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;

/**
 * The back-office link's published schemas accept what the codec makes and refuse what it refuses.
 */
class BackOfficeSpecsTest {
  private static final PublishedSchemas SCHEMAS =
      new PublishedSchemas(
          InterfaceSpecs.all(LayoutCatalog.loadFromClasspath(), MessageSchemasTest.Answer.class));
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();
  private static final Instant T = Instant.parse("2026-11-20T01:00:00Z");

  static Record sample(BackOfficeMessageType type) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("insurerNumber", "06130001");
    return switch (type) {
      case MASTER_CHANGED ->
          new MasterChanged("medical-insurance-eligibility", "K000001", "2026-04", T, data);
      case CHANGE_NOTICED -> new ChangeNoticed("medical-insurance-eligibility", "K000001", T);
      case QUERY_REQUESTED ->
          new BackOfficeQuery(
              "K000001",
              "health-insurance-benefit",
              "muni-131016",
              "resident-registry-info",
              "2026-04");
      case REPLICA_REGISTERED ->
          new ReplicaRegistered(
              "medical-insurance-eligibility", "K000001", "2026-04", T, "APPLIED", T, null, false);
      case NOTICE_RECEIVED ->
          new NoticeReceived("medical-insurance-eligibility", "K000001", T, T, T, "PENDING");
      case QUERY_COMPLETED ->
          new QueryCompleted(
              "q-1",
              "K000001",
              "health-insurance-benefit",
              "muni-131016",
              "resident-registry-info",
              "DENIED",
              null,
              null,
              "NO_PERMISSION");
      case REPLICA_ALERT ->
          new ReplicaAlertRaised(
              7, "OVERDUE", "medical-insurance-eligibility", "K000001", T, T, null, "overdue", T);
      case MESSAGE_REJECTED ->
          new BackOfficeRejection(
              "m-1",
              type.wireName(),
              "data.data.insuranceType",
              "CODE_LIST",
              "2 problems",
              List.of(
                  new BackOfficeRejection.Problem(
                      "data.data.insuranceType", "CODE_LIST", "not in the code list"),
                  new BackOfficeRejection.Problem(
                      "data.data.insuredNumber", "REQUIRED", "missing")));
    };
  }

  private static JsonNode encoded(BackOfficeMessageType type) throws Exception {
    String source =
        type.toServer()
            ? Envelope.agencySource("hi-kenpo-06130001")
            : BackOfficeMessageType.SERVER_SOURCE;
    Envelope e = CODEC.envelope("id-1", source, type.wireName(), "id-1", sample(type));
    return CODEC.mapper().readTree(CODEC.encode(e));
  }

  @Test
  void everyTypeValidatesAgainstItsPublishedSchemaAndRoundTripsThroughTheCodec() throws Exception {
    for (BackOfficeMessageType type : BackOfficeMessageType.values()) {
      JsonNode message = encoded(type);
      assertEquals(
          Set.of(), SCHEMAS.at(BackOfficeSpecs.messagePath(type)).validate(message), type.name());
      Envelope back =
          CODEC.decode(
              CODEC.mapper().writeValueAsBytes(message),
              t -> BackOfficeMessageType.fromWireName(t).isPresent());
      // compared as JSON: a JSON null reads back into a JsonNode component as NullNode
      assertEquals(
          CODEC.mapper().valueToTree(sample(type)),
          CODEC.mapper().valueToTree(CODEC.payload(back, type.payload())),
          type.name());
    }
  }

  @Test
  void schemasRefuseAWrongTypeAMissingFieldAndTheHubsTypes() throws Exception {
    JsonNode change = encoded(BackOfficeMessageType.MASTER_CHANGED);
    var schema = SCHEMAS.at(BackOfficeSpecs.messagePath(BackOfficeMessageType.MASTER_CHANGED));
    assertFalse(
        schema
            .validate(((ObjectNode) change.deepCopy()).put("type", "jp.ipn.replica.registered"))
            .isEmpty());
    ObjectNode noTime = change.deepCopy();
    ((ObjectNode) noTime.get("data")).remove("masterChangedAt");
    assertFalse(schema.validate(noTime).isEmpty());
    assertFalse(
        schema
            .validate(((ObjectNode) change.deepCopy()).put("source", "/intermediate-server"))
            .isEmpty(),
        "to-server messages come from an agency");
  }

  @Test
  void theAsyncApiDocumentIsSeparateAndListsEveryTypeOnItsChannel() {
    ObjectNode doc = BackOfficeSpecs.asyncApi();
    assertEquals("bo.{agency}.to-server", doc.at("/channels/toServer/address").asText());
    assertEquals(3, doc.at("/channels/toServer/messages").size());
    assertEquals(5, doc.at("/channels/fromServer/messages").size());
    assertTrue(
        AsyncApiDocument.build(LayoutCatalog.loadFromClasspath())
                .at("/channels")
                .toString()
                .indexOf("bo.")
            < 0,
        "the hub's document does not mention the back-office topics");
  }
}
