package jp.linkage.hub.iface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.QueryRequest;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  private final EnvelopeCodec codec = new EnvelopeCodec();

  @Test
  void roundTripsAnEnvelopeAndItsPayload() throws Exception {
    QueryRequest query =
        new QueryRequest(
            "nhi-eligibility",
            "hi-kenpo-06130001",
            "medical-insurance-eligibility",
            "c3ltYm9s",
            "2026-04");
    Envelope sent =
        codec.envelope(
            Envelope.agencySource("muni-131016"), MessageType.QUERY_REQUESTED, "L1", query);

    Envelope received = codec.decode(codec.encode(sent));

    assertEquals(sent, received);
    assertEquals("muni-131016", received.senderAgency());
    assertEquals(query, codec.payload(received, QueryRequest.class));
  }

  @Test
  void rejectsMissingAttributeNamingIt() {
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () ->
                codec.decode(
                    bytes(
                        "{\"specversion\":\"1.0\",\"source\":\"/agencies/nenkin\",\"type\":\"jp.ipn.linkage.query-requested\","
                            + "\"time\":\"2026-11-23T00:00:00Z\",\"correlationid\":\"c\",\"schemaversion\":\"1\",\"data\":{}}")));
    assertEquals("id", e.field());
    assertEquals("required", e.rule());
  }

  @Test
  void rejectsUnknownTypeAndUnknownAttribute() {
    String base =
        "\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/agencies/nenkin\","
            + "\"time\":\"2026-11-23T00:00:00Z\",\"correlationid\":\"c\",\"schemaversion\":\"1\",\"data\":{}";
    MalformedMessageException type =
        assertThrows(
            MalformedMessageException.class,
            () -> codec.decode(bytes("{" + base + ",\"type\":\"jp.ipn.nonsense\"}")));
    assertEquals("known-type", type.rule());
    MalformedMessageException extra =
        assertThrows(
            MalformedMessageException.class,
            () ->
                codec.decode(
                    bytes(
                        "{"
                            + base
                            + ",\"type\":\"jp.ipn.linkage.query-requested\",\"mynumber\":\"x\"}")));
    assertEquals("unknown-attribute", extra.rule());
    assertEquals("mynumber", extra.field());
  }

  @Test
  void rejectsNonJson() {
    MalformedMessageException e =
        assertThrows(MalformedMessageException.class, () -> codec.decode(bytes("not json")));
    assertEquals("json", e.rule());
  }

  @Test
  void payloadRequiresEveryNonOptionalField() throws Exception {
    Envelope env =
        codec.envelope(
            Envelope.agencySource("nenkin"),
            MessageType.QUERY_REQUESTED,
            "L2",
            new QueryRequest("pension", "muni-131016", "local-tax-info", " ", "2026-04"));
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class,
            () -> codec.payload(codec.decode(codec.encode(env)), QueryRequest.class));
    assertEquals("data.symbol", e.field());
    assertEquals("required", e.rule());
  }

  @Test
  void optionalFieldMayBeAbsentButEnumsAreChecked() throws Exception {
    Envelope ok =
        codec.envelope(
            Envelope.agencySource("muni-131016"),
            MessageType.PROVISION_ANSWERED,
            "L3",
            new ProvisionAnswer("L3", ProvisionOutcome.NO_RECORD, null));
    assertEquals(ProvisionOutcome.NO_RECORD, codec.payload(ok, ProvisionAnswer.class).outcome());

    Envelope bad =
        new Envelope(
            "1.0",
            "x",
            "/agencies/muni-131016",
            MessageType.PROVISION_ANSWERED.wireName(),
            ok.time(),
            "L3",
            "1",
            "application/json",
            codec.mapper().readTree("{\"linkageId\":\"L3\",\"outcome\":\"MAYBE\"}"));
    MalformedMessageException e =
        assertThrows(
            MalformedMessageException.class, () -> codec.payload(bad, ProvisionAnswer.class));
    assertEquals("data.outcome", e.field());
    assertEquals("format", e.rule());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
