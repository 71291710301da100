package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;
import static jp.linkage.hub.launcher.DemoPeople.OSAKA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.testing.Sql;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back-office link on the running demo hub, driven by stock Kafka clients writing and reading
 * the documented JSON (no project class on the back-office side): master changes, change notices,
 * queries, rejections, and redelivery.
 */
class BackOfficeLinkIT {
  private static final String ELIGIBILITY = "medical-insurance-eligibility";
  private static final String LOCAL_TAX = "local-tax-info";

  private static Hub hub;
  private static List<Person> people;
  private static String bootstrap;

  @BeforeAll
  static void demo() throws Exception {
    DemoRun.report(); // symbols and replicas in place
    hub = DemoRun.hub();
    people = hub.registry().persons();
    bootstrap = hub.infra().kafkaBootstrapServers(); // the demo's back-office Kafka is the hub's
  }

  @Test
  void aMasterChangeIsAcknowledgedAndAnotherAgencysQuerySeesIt() throws Exception {
    int person = insuredResidentOf(OSAKA);
    String atInsurer = DemoPeople.idFor(INSURER, person);
    try (StockBackOffice insurer = new StockBackOffice(bootstrap, INSURER);
        StockBackOffice osaka = new StockBackOffice(bootstrap, OSAKA)) {
      Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      ObjectNode data = DemoPeople.eligibility(person).put("insuredNumber", "77" + person);
      String change =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.master-changed",
                  masterChange(ELIGIBILITY, atInsurer, changed, data)));
      JsonNode ack = insurer.reply("jp.ipn.replica.registered", change).get("data");
      assertEquals("APPLIED", ack.get("status").asText(), ack.toString());
      assertEquals(atInsurer, ack.get("localId").asText());
      assertFalse(ack.get("late").asBoolean());
      assertTrue(
          Instant.parse(ack.get("deadline").asText()).isAfter(changed),
          "a deadline after the change");

      String query =
          osaka.send(
              osaka.envelope(
                  "jp.ipn.backoffice.query-requested",
                  query(DemoPeople.idFor(OSAKA, person), "nhi-eligibility", INSURER, ELIGIBILITY)));
      JsonNode done = osaka.reply("jp.ipn.backoffice.query-completed", query).get("data");
      assertEquals(query, done.get("linkageId").asText(), "the envelope id is the linkage id");
      assertEquals("ANSWERED", done.get("status").asText(), done.toString());
      assertEquals("PROVIDED", done.get("outcome").asText());
      assertEquals(
          "77" + person, done.at("/answer/data/insuredNumber").asText(), "the new master data");
      assertEquals(changed, Instant.parse(done.at("/answer/masterChangedAt").asText()));
      assertEquals("FRESH", done.at("/answer/freshness/status").asText());
    }
  }

  @Test
  void aChangeNoticeShowsAsPendingInAnswersUntilTheRegistrationArrives() throws Exception {
    int person = people.size() - 2; // registered by the demo, queried by no other test
    Person p = people.get(person);
    String muni = DemoPeople.municipalityOf(p);
    String atMuni = DemoPeople.idFor(muni, person);
    try (StockBackOffice municipality = new StockBackOffice(bootstrap, muni);
        StockBackOffice pension = new StockBackOffice(bootstrap, NENKIN)) {
      Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      ObjectNode notice =
          StockBackOffice.JSON
              .createObjectNode()
              .put("item", LOCAL_TAX)
              .put("localId", atMuni)
              .put("masterChangedAt", changed.toString());
      String noticeId =
          municipality.send(municipality.envelope("jp.ipn.replica.change-noticed", notice));
      JsonNode receipt = municipality.reply("jp.ipn.replica.notice-received", noticeId).get("data");
      assertEquals("PENDING", receipt.get("status").asText(), receipt.toString());

      String query =
          pension.send(
              pension.envelope(
                  "jp.ipn.backoffice.query-requested",
                  query(
                      DemoPeople.idFor(NENKIN, person),
                      "pension-benefit-eligibility",
                      muni,
                      LOCAL_TAX)));
      JsonNode pending = pension.reply("jp.ipn.backoffice.query-completed", query).get("data");
      assertEquals("PROVIDED", pending.get("outcome").asText(), pending.toString());
      assertEquals("CHANGE_PENDING", pending.at("/answer/freshness/status").asText());
      assertEquals(
          changed,
          Instant.parse(pending.at("/answer/freshness/pendingChange/masterChangedAt").asText()));

      // the registration catches up: answers are fresh again (and later tests see a clean replica)
      String change =
          municipality.send(
              municipality.envelope(
                  "jp.ipn.replica.master-changed",
                  masterChange(LOCAL_TAX, atMuni, changed, DemoPeople.localTax(person, p))));
      assertEquals(
          "APPLIED",
          municipality.reply("jp.ipn.replica.registered", change).at("/data/status").asText());
      String again =
          pension.send(
              pension.envelope(
                  "jp.ipn.backoffice.query-requested",
                  query(
                      DemoPeople.idFor(NENKIN, person),
                      "pension-benefit-eligibility",
                      muni,
                      LOCAL_TAX)));
      assertEquals(
          "FRESH",
          pension
              .reply("jp.ipn.backoffice.query-completed", again)
              .at("/data/answer/freshness/status")
              .asText());
    }
  }

  @Test
  void aLateRegistrationIsAcknowledgedAsLateAndItsAlertFollowsOnce() throws Exception {
    String newcomer = "C9" + (System.nanoTime() % 100_000); // a person the demo never registered
    try (StockBackOffice chiyoda = new StockBackOffice(bootstrap, CHIYODA)) {
      Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
      String change =
          chiyoda.send(
              chiyoda.envelope(
                  "jp.ipn.replica.master-changed",
                  masterChange(
                      "resident-registry-info",
                      newcomer,
                      threeDaysAgo,
                      DemoPeople.residentRecord(people.get(0)))));
      JsonNode ack = chiyoda.reply("jp.ipn.replica.registered", change).get("data");
      assertEquals("APPLIED", ack.get("status").asText(), ack.toString());
      assertTrue(
          ack.get("late").asBoolean(), "a same-day item registered three days later is late");
      JsonNode alert =
          chiyoda
              .await(
                  "the LATE_REGISTRATION alert of " + newcomer,
                  n ->
                      "jp.ipn.replica.alert".equals(n.path("type").asText())
                          && newcomer.equals(n.at("/data/localId").asText()))
              .get("data");
      assertEquals("LATE_REGISTRATION", alert.get("kind").asText());
      assertEquals(threeDaysAgo, Instant.parse(alert.get("masterChangedAt").asText()));
      assertEquals(
          1,
          chiyoda.all().stream()
              .filter(
                  n ->
                      newcomer.equals(n.at("/data/localId").asText())
                          && "jp.ipn.replica.alert".equals(n.path("type").asText()))
              .count(),
          "the alert is sent once");
    }
  }

  @Test
  void badMessagesGetSpecificRejectionsAndTheLoopGoesOn() throws Exception {
    try (StockBackOffice insurer = new StockBackOffice(bootstrap, INSURER)) {
      RecordMetadata notJson = insurer.send(null, "this is not JSON");
      JsonNode r1 =
          insurer
              .reply(
                  "jp.ipn.message.rejected",
                  "bo@" + notJson.topic() + "/" + notJson.partition() + "/" + notJson.offset())
              .get("data");
      assertEquals("$", r1.get("field").asText());
      assertEquals("json", r1.get("rule").asText());

      String unknownType =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.deleted",
                  StockBackOffice.JSON.createObjectNode().put("localId", "K000000")));
      assertRejected(insurer, unknownType, "type", "known-type");

      String wrongSource =
          insurer.send(
              insurer
                  .envelope(
                      "jp.ipn.replica.change-noticed",
                      StockBackOffice.JSON
                          .createObjectNode()
                          .put("item", ELIGIBILITY)
                          .put("localId", "K000000")
                          .put("masterChangedAt", Instant.now().toString()))
                  .put("source", "/agencies/" + NENKIN));
      assertRejected(insurer, wrongSource, "source", "topic-agency");

      ObjectNode twoViolations = DemoPeople.eligibility(0).put("insuranceType", "99");
      twoViolations.remove("insurerNumber");
      String badLayout =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.master-changed",
                  masterChange(ELIGIBILITY, "K000000", Instant.now(), twoViolations)));
      JsonNode r4 = insurer.reply("jp.ipn.message.rejected", badLayout).get("data");
      Set<String> fields = fieldsOf(r4.get("problems"));
      assertEquals(
          Set.of("data.data.insurerNumber", "data.data.insuranceType"), fields, r4.toString());

      String unknownPerson =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.backoffice.query-requested",
                  query("K999999", "health-insurance-benefit", CHIYODA, "resident-registry-info")));
      assertRejected(insurer, unknownPerson, "data.localId", "known-person");

      String missingField =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.change-noticed",
                  StockBackOffice.JSON
                      .createObjectNode()
                      .put("item", ELIGIBILITY)
                      .put("localId", "K000000")));
      assertRejected(insurer, missingField, "data.masterChangedAt", "required");

      ObjectNode first =
          insurer.envelope(
              "jp.ipn.backoffice.query-requested",
              query("K000000", "health-insurance-benefit", CHIYODA, "resident-registry-info"));
      insurer.send(first);
      insurer.reply("jp.ipn.backoffice.query-completed", first.get("id").asText());
      try (StockBackOffice pension = new StockBackOffice(bootstrap, NENKIN)) {
        ObjectNode clash =
            pension.envelope(
                "jp.ipn.backoffice.query-requested",
                query("N00000000", "pension-benefit-eligibility", CHIYODA, LOCAL_TAX));
        clash.put("id", first.get("id").asText()).put("correlationid", first.get("id").asText());
        assertRejected(pension, pension.send(clash), "id", "unique-linkage-id");
      }

      // every rejection is kept, and the loop still takes good messages
      assertEquals(2, rejectionRows(badLayout), "one is_rejection row per violation");
      assertEquals(1, rejectionRows(unknownPerson));
      String fine =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.change-noticed",
                  StockBackOffice.JSON
                      .createObjectNode()
                      .put("item", ELIGIBILITY)
                      .put("localId", "K000000")
                      .put("masterChangedAt", "2020-01-01T00:00:00Z")));
      assertEquals(
          "ALREADY_REGISTERED",
          insurer.reply("jp.ipn.replica.notice-received", fine).at("/data/status").asText());
    }
  }

  @Test
  void aRedeliveredMessageHasOneEffect() throws Exception {
    int person = insuredResidentOf(OSAKA);
    String atInsurer = DemoPeople.idFor(INSURER, person);
    try (StockBackOffice insurer = new StockBackOffice(bootstrap, INSURER);
        StockBackOffice osaka = new StockBackOffice(bootstrap, OSAKA)) {
      ObjectNode change =
          insurer.envelope(
              "jp.ipn.replica.master-changed",
              masterChange(
                  ELIGIBILITY,
                  atInsurer,
                  Instant.now().truncatedTo(ChronoUnit.MILLIS),
                  DemoPeople.eligibility(person).put("insuredNumber", "8800")));
      insurer.send(change);
      insurer.send(change); // the same envelope again, as a producer retry or a replayed file would
      ObjectNode query =
          osaka.envelope(
              "jp.ipn.backoffice.query-requested",
              query(DemoPeople.idFor(OSAKA, person), "nhi-eligibility", INSURER, ELIGIBILITY));
      osaka.send(query);
      osaka.send(query);
      String changeId = change.get("id").asText();
      String linkageId = query.get("id").asText();
      // markers sent after the copies: once their replies are in, the copies' would be too
      String marker =
          insurer.send(
              insurer.envelope(
                  "jp.ipn.replica.change-noticed",
                  StockBackOffice.JSON
                      .createObjectNode()
                      .put("item", ELIGIBILITY)
                      .put("localId", atInsurer)
                      .put("masterChangedAt", "2020-01-01T00:00:00Z")));
      insurer.reply("jp.ipn.replica.notice-received", marker);
      osaka.reply("jp.ipn.backoffice.query-completed", linkageId);
      String osakaMarker =
          osaka.send(
              osaka.envelope(
                  "jp.ipn.replica.change-noticed",
                  StockBackOffice.JSON
                      .createObjectNode()
                      .put("item", "resident-registry-info")
                      .put("localId", DemoPeople.idFor(OSAKA, person))
                      .put("masterChangedAt", "2020-01-01T00:00:00Z")));
      osaka.reply("jp.ipn.replica.notice-received", osakaMarker);

      assertEquals(
          1, count(insurer.all(), "jp.ipn.replica.registered", changeId), "one acknowledgement");
      assertEquals(
          1, count(osaka.all(), "jp.ipn.backoffice.query-completed", linkageId), "one result");
      assertEquals(
          1,
          Sql.count(
              hub.infra().dataSource(Hub.SERVER_DATABASE),
              "SELECT count(*) FROM is_query WHERE linkage_id = ?",
              linkageId),
          "one query");
    }
  }

  static ObjectNode masterChange(String item, String localId, Instant changed, ObjectNode data) {
    ObjectNode m =
        StockBackOffice.JSON
            .createObjectNode()
            .put("item", item)
            .put("localId", localId)
            .put("edition", EDITION)
            .put("masterChangedAt", changed.toString());
    m.set("data", data);
    return m;
  }

  static ObjectNode query(String localId, String procedure, String provider, String item) {
    return StockBackOffice.JSON
        .createObjectNode()
        .put("localId", localId)
        .put("procedure", procedure)
        .put("provider", provider)
        .put("item", item)
        .put("edition", EDITION);
  }

  private static void assertRejected(StockBackOffice bo, String id, String field, String rule) {
    JsonNode r = bo.reply("jp.ipn.message.rejected", id).get("data");
    assertEquals(field, r.get("field").asText(), r.toString());
    assertEquals(rule, r.get("rule").asText(), r.toString());
    assertEquals(id, r.get("rejectedMessageId").asText());
  }

  private static Set<String> fieldsOf(JsonNode problems) {
    Set<String> fields = new java.util.TreeSet<>();
    problems.forEach(p -> fields.add(p.get("field").asText()));
    return fields;
  }

  private static long count(List<JsonNode> messages, String type, String correlationId) {
    return messages.stream()
        .filter(
            n ->
                type.equals(n.path("type").asText())
                    && correlationId.equals(n.path("correlationid").asText()))
        .count();
  }

  private static int rejectionRows(String messageId) throws Exception {
    return (int)
        Sql.count(
            hub.infra().dataSource(Hub.SERVER_DATABASE),
            "SELECT count(*) FROM is_rejection WHERE message_id = ?",
            messageId);
  }

  /** An insured resident of {@code muni} (the demo and StaleReplicaIT use Chiyoda's). */
  private static int insuredResidentOf(String muni) {
    for (int i = 0; i < people.size() - 1; i++) {
      if (DemoPeople.insured(i) && DemoPeople.municipalityOf(people.get(i)).equals(muni)) {
        return i;
      }
    }
    throw new IllegalStateException("no insured resident of " + muni + " in the demo population");
  }
}
