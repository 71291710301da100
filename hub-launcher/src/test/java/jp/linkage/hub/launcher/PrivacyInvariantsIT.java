package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.testing.CapturedLogs;
import jp.linkage.hub.testing.PersonalNumberScanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1: after the demo scenario, no My Number and no resident record code is in any Kafka
 * record (the hub's {@code ipn.*} topics and the agencies' back-office {@code bo.*} topics), in any
 * table of the core (or of the intermediate server), or in any log line; and invariant 4: no
 * replica value is readable on a hub topic or in the core. The {@code bo.*} topics are the
 * agencies' side and are expected to carry their replica data in the clear.
 */
class PrivacyInvariantsIT {
  private static Hub hub;
  private static PersonalNumberScanner scanner;
  private static List<String> forbidden;

  @BeforeAll
  static void runDemo() throws Exception {
    DemoRun.report();
    hub = DemoRun.hub();
    forbidden = DemoRun.personalNumbers(hub);
    scanner = new PersonalNumberScanner(forbidden);
    backOfficeSendsAMasterChange();
  }

  /** So that the bo.* topics hold replica data whatever order the ITs run in. */
  private static void backOfficeSendsAMasterChange() throws Exception {
    Person p = hub.registry().persons().get(1);
    String muni = DemoPeople.municipalityOf(p);
    try (StockBackOffice bo = new StockBackOffice(hub.infra().kafkaBootstrapServers(), muni)) {
      String id =
          bo.send(
              bo.envelope(
                  "jp.ipn.replica.master-changed",
                  BackOfficeLinkIT.masterChange(
                      "resident-registry-info",
                      DemoPeople.idFor(muni, 1),
                      java.time.Instant.now(),
                      DemoPeople.residentRecord(p))));
      bo.reply("jp.ipn.replica.registered", id);
    }
  }

  @Test
  void theScannerFindsAPlantedNumber() {
    String planted = forbidden.get(0);
    assertEquals(
        List.of("planted"),
        scanner.scan(Map.of("planted", "{\"x\":\"" + planted + "\"}", "clean", "{}")));
  }

  @Test
  void noTopicRecordCarriesAPersonalNumber() throws Exception {
    Map<String, String> records =
        PersonalNumberScanner.topics(hub.infra().kafkaBootstrapServers(), "ipn.");
    assertTrue(records.size() > 50, "the demo wrote records: " + records.size());
    assertEquals(List.of(), scanner.scan(records));
  }

  @Test
  void noBackOfficeTopicRecordCarriesAPersonalNumber() throws Exception {
    Map<String, String> records =
        PersonalNumberScanner.topics(hub.infra().kafkaBootstrapServers(), "bo.");
    assertTrue(
        records.keySet().stream().anyMatch(k -> k.contains(".to-server@")),
        "back-office messages scanned");
    assertTrue(
        records.keySet().stream().anyMatch(k -> k.contains(".from-server@")),
        "server replies scanned");
    assertEquals(List.of(), scanner.scan(records));
  }

  @Test
  void noCoreTableHoldsAPersonalNumber() throws Exception {
    Map<String, String> rows =
        PersonalNumberScanner.tables(hub.infra().dataSource(Hub.CORE_DATABASE));
    assertTrue(
        rows.keySet().stream().anyMatch(k -> k.startsWith("domainevententry#")),
        "event store scanned");
    assertTrue(rows.keySet().stream().anyMatch(k -> k.startsWith("core_provision_record#")));
    assertEquals(List.of(), scanner.scan(rows));
  }

  @Test
  void noIntermediateServerTableHoldsAPersonalNumber() throws Exception {
    Map<String, String> rows =
        PersonalNumberScanner.tables(hub.infra().dataSource(Hub.SERVER_DATABASE));
    assertTrue(rows.keySet().stream().anyMatch(k -> k.startsWith("is_replica#")));
    assertEquals(List.of(), scanner.scan(rows));
  }

  /**
   * Invariant 4: answers cross the hub only as ciphertext, so no replica value is readable there.
   */
  @Test
  void theCoreAndTheTopicsNeverSeeAnswerPlaintext() throws Exception {
    List<String> plaintext = new ArrayList<>();
    for (String field : List.of("taxableIncome", "insuredNumber", "levyingMunicipalityCode")) {
      // a document's keys, plain or inside a JSON string; the bare codes are legitimately in the
      // core's
      // log as schema metadata (the permission table's neededFields)
      plaintext.add("\"" + field + "\":");
      plaintext.add("\\\"" + field + "\\\":");
    }
    for (Person p : hub.registry().persons()) {
      plaintext.add(p.familyName() + "　" + p.givenName());
      plaintext.add(p.addressLine());
    }
    PersonalNumberScanner replicaValues = new PersonalNumberScanner(plaintext);
    Map<String, String> everything =
        new HashMap<>(PersonalNumberScanner.tables(hub.infra().dataSource(Hub.CORE_DATABASE)));
    everything.putAll(PersonalNumberScanner.topics(hub.infra().kafkaBootstrapServers(), "ipn."));
    assertEquals(List.of(), replicaValues.scan(everything));
    // and the same scanner does see them where they belong: in the agencies' replicas, and on their
    // own back-office topics (the agency's side of the network)
    assertFalse(
        replicaValues
            .scan(PersonalNumberScanner.tables(hub.infra().dataSource(Hub.SERVER_DATABASE)))
            .isEmpty());
    assertFalse(
        replicaValues
            .scan(PersonalNumberScanner.topics(hub.infra().kafkaBootstrapServers(), "bo."))
            .isEmpty());
  }

  @Test
  void noLogLineCarriesAPersonalNumber() {
    List<String> lines = CapturedLogs.lines();
    assertFalse(lines.isEmpty(), "logs were captured");
    Map<String, String> byLine = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      byLine.put(
          "log line " + i + ": " + lines.get(i).lines().findFirst().orElse(""), lines.get(i));
    }
    assertEquals(List.of(), scanner.scan(byLine));
  }
}
