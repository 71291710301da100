package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.server.api.QueryResult;
import org.junit.jupiter.api.Test;

/**
 * Case 5 of the 2017 audit, end to end on the real stack (core, Kafka, PostgreSQL, both
 * intermediate-server tenants), as the demo runs it: a person leaves the health insurance society
 * on day D, the society's master changes at once but its replica is due only by the second business
 * day before opening; before it arrives the person enrols in Chiyoda's National Health Insurance
 * and Chiyoda asks the society for the person's eligibility. The answer must not silently say
 * "still insured": the shipped policy holds nhi-eligibility answers while the change is pending.
 *
 * <p>The hub runs on the system clock, so "day D" is now and the query follows at once rather than
 * a day later: what matters is that it comes before the deadline, while the replica still says
 * insured. If the policy were WARN the answer would not be held; without the notice it would say
 * insured.
 */
class StaleReplicaIT {
  @Test
  void theMunicipalitysQueryWaitsForTheLeavingToReachTheReplicaAndThenSaysSo() throws Exception {
    DemoReport.StaleReplica stale = DemoRun.report().staleReplica();
    assertEquals(
        BusinessCalendar.japaneseGovernment()
            .secondBusinessDayBeforeOpening(stale.masterChangedAt()),
        stale.deadline(),
        "the replica is due by the second business day before opening");
    assertTrue(
        stale.held(), "no answer from the stale replica: it was held until the registration");
    QueryResult answered = stale.query().result();
    assertEquals("ANSWERED", answered.status(), answered.toString());
    assertEquals("PROVIDED", answered.outcome());
    assertEquals(
        stale.masterChangedAt().atZone(BusinessCalendar.TOKYO).toLocalDate().toString(),
        answered.answer().at("/data/disqualificationDate").asText(),
        "the answer says the person left");
    assertEquals("FRESH", answered.answer().at("/freshness/status").asText());
    assertEquals(
        stale.masterChangedAt(), Instant.parse(answered.answer().at("/masterChangedAt").asText()));
    String atInsurer =
        DemoPeople.idFor(
            INSURER, DemoScenario.secondInsuredChiyodaResident(DemoRun.hub().registry().persons()));
    assertTrue(
        DemoRun.hub().server().alerts(INSURER, 0, 10_000).stream()
            .noneMatch(a -> a.localId().equals(atInsurer)),
        "registered in time: no alert");
  }
}
