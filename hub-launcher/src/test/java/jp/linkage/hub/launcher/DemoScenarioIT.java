package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.api.QueryResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The foundation's end-to-end path on real Kafka and PostgreSQL, checked step by step. */
class DemoScenarioIT {
  private static DemoReport report;
  private static List<Person> people;

  @BeforeAll
  static void runDemo() throws Exception {
    report = DemoRun.report();
    people = DemoRun.hub().registry().persons();
  }

  @Test
  void everyAgencyGotASymbolForEachPersonItKnows() {
    assertEquals(people.size(), report.symbolsIssued().get("nenkin"));
    assertEquals(
        people.size(),
        report.symbolsIssued().get("muni-131016") + report.symbolsIssued().get("muni-271004"));
    assertEquals((people.size() + 1) / 2, report.symbolsIssued().get("hi-kenpo-06130001"));
  }

  @Test
  void pensionQueriesAreAnsweredFromTheMunicipalReplicaAndMappedToThePensionLocalId() {
    assertTrue(
        report.queries().stream().limit(3).map(q -> q.result().provider()).distinct().count() == 2,
        "both municipalities provide");
    for (int q = 0; q < 3; q++) {
      QueryResult r = report.queries().get(q).result();
      assertEquals("ANSWERED", r.status(), r.toString());
      assertEquals("PROVIDED", r.outcome());
      int i = Integer.parseInt(r.localId().substring(1));
      assertEquals(DemoPeople.municipalityOf(people.get(i)), r.provider());
      var registered = DemoPeople.localTax(i, people.get(i));
      assertEquals(
          registered.toString(),
          r.answer().path("data").toString(),
          "the answer is exactly the replica record");
      assertEquals("2026-04", r.answer().path("edition").asText());
      assertTrue(r.answer().hasNonNull("asOf"), "the answer says how fresh it is");
    }
  }

  @Test
  void municipalityGetsEligibilityFromTheInsurer() {
    QueryResult r = report.queries().get(3).result();
    assertEquals("ANSWERED", r.status(), r.toString());
    assertEquals("PROVIDED", r.outcome());
    assertEquals("06130001", r.answer().path("data").path("insurerNumber").asText());
    int person = Integer.parseInt(r.localId().substring(1));
    assertEquals(DemoPeople.eligibility(person).toString(), r.answer().path("data").toString());
  }

  @Test
  void personWithoutReplicaRecordIsAnsweredNoRecord() {
    QueryResult r = report.queries().get(4).result();
    assertEquals("ANSWERED", r.status());
    assertEquals("NO_RECORD", r.outcome());
    assertNull(r.answer());
  }

  @Test
  void queryNoPermissionRowAllowsIsDeniedWithTheReason() {
    QueryResult r = report.queries().get(5).result();
    assertEquals("DENIED", r.status());
    assertTrue(r.detail().startsWith("NO_ROW_FOR_PROCEDURE"), r.detail());
    assertTrue(r.detail().contains("HEALTH_INSURANCE_SOCIETY"), r.detail());
  }

  @Test
  void aChangeThatNeverReachedTheReplicaIsReportedToTheHubPastItsDeadline() {
    DemoReport.OverdueReplica o = report.overdueReplica();
    assertTrue(o.reportedToHub(), o.toString());
    assertEquals("hi-kenpo-06130001", o.agency());
    assertEquals(
        jp.linkage.hub.calendar.BusinessCalendar.japaneseGovernment()
            .secondBusinessDayBeforeOpening(o.masterChangedAt()),
        o.deadline(),
        "the item's window");
    assertTrue(o.deadline().isBefore(java.time.Instant.now()), "already overdue");
  }

  @Test
  void malformedMessageIsRejectedToItsSenderNamingFieldAndRule() {
    assertTrue(report.rejection().startsWith("data.symbol / required"), report.rejection());
  }

  @Test
  void provisionRecordsExistOnceAtTheHubAndAtBothAgencies() {
    assertEquals(report.queries().size(), report.hubRecords());
    Map<String, Integer> expected = new HashMap<>();
    for (DemoReport.Labelled q : report.queries()) {
      expected.merge(q.querier(), 1, Integer::sum);
      if (!"DENIED".equals(q.result().status())) {
        expected.merge(q.result().provider(), 1, Integer::sum);
      }
    }
    report
        .agencyRecords()
        .forEach((agency, n) -> assertEquals(expected.getOrDefault(agency, 0), n, agency));
    assertTrue(report.accessLogIntact());
  }
}
