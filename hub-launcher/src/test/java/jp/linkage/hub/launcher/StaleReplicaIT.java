package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.NoticeReceipt;
import jp.linkage.hub.server.QueryResult;
import jp.linkage.hub.server.Registration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Case 5 of the 2017 audit, end to end on the real stack (core, Kafka, PostgreSQL, both
 * intermediate-server tenants): a person leaves the health insurance society on day D, the society's
 * master changes at once but its replica is due only by the second business day before opening; on
 * D+1 the person enrols in Chiyoda's National Health Insurance and Chiyoda asks the society for the
 * person's eligibility. The answer must not silently say "still insured".
 *
 * <p>The hub runs on the system clock, so "day D" is now (after the demo's registrations) and the
 * query comes at once rather than a day later: what matters is that it comes before the deadline,
 * while the replica still says insured.
 */
class StaleReplicaIT {
  private static final String ITEM = "medical-insurance-eligibility";

  @Test
  void theMunicipalitysQueryWaitsForTheLeavingToReachTheReplicaAndThenSaysSo() throws Exception {
    DemoRun.report(); // symbols and replicas in place
    Hub hub = DemoRun.hub();
    IntermediateServer server = hub.server();
    List<Person> people = hub.registry().persons();
    int person = insuredChiyodaResidentNotUsedByTheDemo(people);
    String atInsurer = DemoPeople.idFor(INSURER, person);
    String atChiyoda = DemoPeople.idFor(CHIYODA, person);

    // day D: the person leaves; the society's back-office sends a change notice (異動通知) at once
    Instant dayD = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    NoticeReceipt notice = server.noticeChange(INSURER, ITEM, atInsurer, dayD);
    assertEquals(NoticeReceipt.Status.PENDING, notice.status());
    assertEquals(BusinessCalendar.japaneseGovernment().secondBusinessDayBeforeOpening(dayD), notice.deadline(),
        "the replica is due by the second business day before opening");

    // D+1: Chiyoda (NHI) asks the society; the shipped policy holds nhi-eligibility answers while pending
    int heldBefore = server.heldAnswers(INSURER);
    String linkageId = server.query(CHIYODA, atChiyoda, "nhi-eligibility", INSURER, ITEM, EDITION);
    Awaitility.await("the society holds the answer").atMost(Duration.ofSeconds(60))
        .until(() -> server.heldAnswers(INSURER) == heldBefore + 1);
    QueryResult waiting = server.result(CHIYODA, linkageId).orElseThrow();
    assertFalse(waiting.isFinal(), "no answer from the stale replica: " + waiting);

    // the society's replica update arrives (within its deadline): the held answer goes out, fresh
    ObjectNode left = DemoPeople.eligibility(person).put("disqualificationDate",
        dayD.atZone(BusinessCalendar.TOKYO).toLocalDate().toString());
    Registration registration = server.registerReplica(INSURER, ITEM, atInsurer, EDITION, left, dayD);
    assertEquals(Registration.Status.APPLIED, registration.status());
    assertFalse(registration.late());
    QueryResult answered = Awaitility.await("Chiyoda's answer").atMost(Duration.ofSeconds(60))
        .until(() -> server.result(CHIYODA, linkageId).orElseThrow(), QueryResult::isFinal);
    assertEquals("ANSWERED", answered.status(), answered.toString());
    assertEquals("PROVIDED", answered.outcome());
    assertEquals(left.get("disqualificationDate").asText(),
        answered.answer().at("/data/disqualificationDate").asText(), "the answer says the person left");
    assertEquals("FRESH", answered.answer().at("/freshness/status").asText());
    assertEquals(dayD, Instant.parse(answered.answer().at("/masterChangedAt").asText()));
    assertTrue(server.alerts(INSURER, 0, 10_000).stream().noneMatch(a -> a.localId().equals(atInsurer)),
        "registered in time: no alert");
  }

  /** An insured Chiyoda resident other than the one the demo's own eligibility query uses. */
  private static int insuredChiyodaResidentNotUsedByTheDemo(List<Person> people) {
    int seen = 0;
    for (int i = 0; i < people.size() - 1; i++) {
      if (i % 2 == 0 && DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA) && seen++ == 1) {
        return i;
      }
    }
    throw new IllegalStateException("the demo population has no second insured Chiyoda resident");
  }
}
