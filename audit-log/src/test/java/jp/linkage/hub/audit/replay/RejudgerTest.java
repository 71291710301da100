package jp.linkage.hub.audit.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import jp.linkage.hub.audit.replay.Verdict.Kind;
import jp.linkage.hub.core.api.AgencyRegisteredEvent;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import jp.linkage.hub.core.api.PermissionTableVersionPublishedEvent;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import org.junit.jupiter.api.Test;

/** Re-judging from in-memory events: the log alone decides, in log order. */
class RejudgerTest {
  private static final PermissionTable TABLE = PermissionTable.loadFromClasspath();
  private static final Instant MAY_2026 = Instant.parse("2026-05-11T01:00:00Z");
  private static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");

  private static PermissionTableVersionPublishedEvent published(String version) {
    PermissionTableVersion v = TABLE.version(version).orElseThrow();
    return new PermissionTableVersionPublishedEvent(
        v.version(), v.validFrom(), v.rows(), "sha-" + version, AT);
  }

  private static AgencyRegisteredEvent agency(String code, AgencyType type) {
    return new AgencyRegisteredEvent(code, type, "名", "name", AT);
  }

  private static LinkageAuthorisedEvent authorised(
      String id, String procedure, String version, String row) {
    return new LinkageAuthorisedEvent(
        id,
        "nenkin",
        procedure,
        "muni-131016",
        "local-tax-info",
        "qs",
        "ps",
        "2026-04",
        version,
        row,
        MAY_2026);
  }

  private static LinkageDeniedEvent denied(
      String id, String querier, String procedure, String reason, String version, Instant at) {
    return new LinkageDeniedEvent(
        id, querier, procedure, "muni-131016", "local-tax-info", reason, "m", version, at);
  }

  private static RejudgeReport rejudge(Object... events) {
    Rejudger r = new Rejudger();
    for (Object e : events) {
      r.accept(e);
    }
    return r.report();
  }

  private static final Object[] SETUP = {
    published("2017-07"),
    published("2026-04"),
    agency("nenkin", AgencyType.PENSION_ORGANISATION),
    agency("muni-131016", AgencyType.MUNICIPALITY),
    agency("hi-kenpo-06130001", AgencyType.HEALTH_INSURANCE_SOCIETY)
  };

  private static RejudgeReport afterSetup(Object... events) {
    Object[] all = new Object[SETUP.length + events.length];
    System.arraycopy(SETUP, 0, all, 0, SETUP.length);
    System.arraycopy(events, 0, all, SETUP.length, events.length);
    return rejudge(all);
  }

  @Test
  void recordedAllowanceWithTheRightEditionAndRowAgrees() {
    RejudgeReport report =
        afterSetup(authorised("L1", "pension-benefit-eligibility", "2026-04", "B2-48-1"));
    assertEquals(
        List.of(
            new Verdict("L1", Kind.AGREES, "ALLOWED 2026-04 B2-48-1", "ALLOWED 2026-04 B2-48-1")),
        report.verdicts());
    assertTrue(report.allAgree());
    assertEquals("sha-2026-04", report.tables().get("2026-04"));
    assertEquals(AgencyType.PENSION_ORGANISATION, report.agencies().get("nenkin"));
  }

  @Test
  void allowanceCitingAnotherRowOrEditionDisagrees() {
    RejudgeReport report =
        afterSetup(
            authorised("L1", "pension-benefit-eligibility", "2026-04", "B2-48-2"),
            authorised("L2", "pension-benefit-eligibility", "2017-07", "B2-48-1"));
    assertEquals(2, report.of(Kind.DISAGREES).size());
    assertEquals("ALLOWED 2026-04 B2-48-1", report.verdicts().get(0).rejudged());
    assertFalse(report.allAgree());
  }

  @Test
  void allowanceTheTableForbidsDisagreesWithTheSpecificReason() {
    RejudgeReport report = afterSetup(authorised("L1", "child-allowance", "2026-04", "B2-74-1"));
    assertEquals(
        new Verdict(
            "L1", Kind.DISAGREES, "ALLOWED 2026-04 B2-74-1", "DENIED NO_ROW_FOR_PROCEDURE 2026-04"),
        report.verdicts().get(0));
  }

  @Test
  void tableDenialsAreReJudgedIncludingNoTableInForce() {
    RejudgeReport report =
        afterSetup(
            denied(
                "D1",
                "hi-kenpo-06130001",
                "pension-benefit-eligibility",
                "NO_ROW_FOR_PROCEDURE",
                "2026-04",
                MAY_2026),
            denied(
                "D2",
                "nenkin",
                "pension-benefit-eligibility",
                "NO_TABLE_IN_FORCE",
                null,
                Instant.parse("2016-01-01T00:00:00Z")),
            denied(
                "D3",
                "nenkin",
                "pension-benefit-eligibility",
                "ITEM_NOT_PERMITTED",
                "2026-04",
                MAY_2026));
    assertEquals(
        List.of(Kind.AGREES, Kind.AGREES, Kind.DISAGREES),
        report.verdicts().stream().map(Verdict::kind).toList());
    assertEquals("ALLOWED 2026-04 B2-48-1", report.verdicts().get(2).rejudged());
  }

  @Test
  void symbolAndUnknownAgencyDenialsAreNotTableDecisions() {
    RejudgeReport report =
        afterSetup(
            denied(
                "S1",
                "nenkin",
                "pension-benefit-eligibility",
                "SYMBOL_WRONG_AGENCY",
                "2026-04",
                MAY_2026),
            denied(
                "U1", "nobody", "pension-benefit-eligibility", "UNKNOWN_QUERIER", null, MAY_2026));
    assertEquals(2, report.of(Kind.NOT_TABLE_DECISION).size());
    assertTrue(report.allAgree());
  }

  @Test
  void onlyEditionsLoggedBeforeTheDecisionCount() {
    // judged while only 2017-07 was in the log: the new procedure of 2026-04 was unknown then
    RejudgeReport report =
        rejudge(
            published("2017-07"),
            agency("nenkin", AgencyType.PENSION_ORGANISATION),
            agency("muni-131016", AgencyType.MUNICIPALITY),
            denied(
                "D1",
                "nenkin",
                "pension-supplementary-benefit",
                "UNKNOWN_PROCEDURE",
                "2017-07",
                MAY_2026),
            published("2026-04"),
            authorised("L2", "pension-supplementary-benefit", "2026-04", "B2-120-1"),
            denied(
                "D3",
                "nenkin",
                "pension-supplementary-benefit",
                "UNKNOWN_PROCEDURE",
                "2017-07",
                MAY_2026));
    assertEquals(
        List.of(Kind.AGREES, Kind.AGREES, Kind.DISAGREES),
        report.verdicts().stream().map(Verdict::kind).toList());
  }

  @Test
  void agencyTypeIsTheOneLoggedAtTheDecision() {
    RejudgeReport report =
        afterSetup(
            authorised("L1", "pension-benefit-eligibility", "2026-04", "B2-48-1"),
            agency("nenkin", AgencyType.JASSO),
            authorised("L2", "pension-benefit-eligibility", "2026-04", "B2-48-1"));
    assertEquals(
        List.of(Kind.AGREES, Kind.DISAGREES),
        report.verdicts().stream().map(Verdict::kind).toList());
  }

  @Test
  void decisionAboutAnAgencyMissingFromTheLogDisagrees() {
    RejudgeReport report =
        rejudge(
            published("2026-04"),
            agency("muni-131016", AgencyType.MUNICIPALITY),
            authorised("L1", "pension-benefit-eligibility", "2026-04", "B2-48-1"));
    assertEquals(Kind.DISAGREES, report.verdicts().get(0).kind());
    assertTrue(
        report.verdicts().get(0).rejudged().contains("nenkin"),
        report.verdicts().get(0).rejudged());
  }
}
