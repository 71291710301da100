package jp.linkage.hub.core.permission;

import static jp.linkage.hub.core.api.AgencyType.HEALTH_INSURANCE_SOCIETY;
import static jp.linkage.hub.core.api.AgencyType.JASSO;
import static jp.linkage.hub.core.api.AgencyType.MUNICIPALITY;
import static jp.linkage.hub.core.api.AgencyType.NHI_ASSOCIATION;
import static jp.linkage.hub.core.api.AgencyType.PENSION_ORGANISATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionTableTest {

  private static final PermissionTable TABLE = PermissionTable.loadFromClasspath();
  private static final Instant NOW = tokyo("2026-05-01T10:00:00");

  private static Instant tokyo(String localDateTime) {
    return ZonedDateTime.parse(localDateTime + "+09:00[Asia/Tokyo]").toInstant();
  }

  @ParameterizedTest(name = "{0} {1} from {2}: {3}")
  @CsvSource({
    "PENSION_ORGANISATION, pension-benefit-eligibility, MUNICIPALITY, local-tax-info, B2-48-1",
    "MUNICIPALITY, nhi-eligibility, HEALTH_INSURANCE_SOCIETY, medical-insurance-eligibility, B2-27-1",
    "MUNICIPALITY, nhi-eligibility, MUNICIPALITY, resident-registry-info, B2-27-4"
  })
  void demoQueriesAreAllowed(
      AgencyType querier, String procedure, AgencyType provider, String item, String rowId) {
    AuthorisationDecision d = TABLE.authorise(querier, procedure, provider, item, NOW);
    assertTrue(d.allowed(), d.message());
    assertEquals("2026-04", d.tableVersion());
    assertEquals(rowId, d.rowId());
    assertNull(d.reason());
    assertTrue(d.citation().startsWith("番号法第19条第8号"), d.citation());
  }

  @Test
  void demoDeniedQueryIsDeniedWithReasonAndNamesEverything() {
    AuthorisationDecision d =
        TABLE.authorise(
            HEALTH_INSURANCE_SOCIETY,
            "pension-benefit-eligibility",
            MUNICIPALITY,
            "local-tax-info",
            NOW);
    assertFalse(d.allowed());
    assertEquals(DenialReason.NO_ROW_FOR_PROCEDURE, d.reason());
    assertEquals("2026-04", d.tableVersion());
    assertNull(d.rowId());
    for (String part :
        new String[] {
          "HEALTH_INSURANCE_SOCIETY",
          "pension-benefit-eligibility",
          "MUNICIPALITY",
          "local-tax-info"
        }) {
      assertTrue(d.message().contains(part), d.message());
    }
  }

  @Test
  void eachNarrowingStepHasItsOwnReason() {
    assertEquals(
        DenialReason.UNKNOWN_PROCEDURE,
        TABLE.authorise(MUNICIPALITY, "dog-licence", MUNICIPALITY, "local-tax-info", NOW).reason());
    assertEquals(
        DenialReason.PROVIDER_TYPE_NOT_PERMITTED,
        TABLE
            .authorise(
                PENSION_ORGANISATION,
                "pension-benefit-eligibility",
                HEALTH_INSURANCE_SOCIETY,
                "local-tax-info",
                NOW)
            .reason());
    assertEquals(
        DenialReason.ITEM_NOT_PERMITTED,
        TABLE
            .authorise(
                PENSION_ORGANISATION,
                "pension-benefit-eligibility",
                MUNICIPALITY,
                "medical-insurance-eligibility",
                NOW)
            .reason());
  }

  @Test
  void versionInForceChangesAtValidFromInTokyoTime() {
    assertEquals("2017-07", TABLE.inForceAt(tokyo("2026-03-31T23:59:59")).version());
    assertEquals("2026-04", TABLE.inForceAt(tokyo("2026-04-01T00:00:00")).version());
    // 2026-03-31T15:00Z is already 1 April in Tokyo
    assertEquals("2026-04", TABLE.inForceAt(Instant.parse("2026-03-31T15:00:00Z")).version());
    assertThrows(
        NoTableInForceException.class, () -> TABLE.inForceAt(tokyo("2017-07-17T23:59:59")));
  }

  @Test
  void rowAddedInNewerVersionIsAllowedOnlyOnceThatVersionIsInForce() {
    AuthorisationDecision before =
        TABLE.authorise(
            JASSO, "student-support", MUNICIPALITY, "local-tax-info", tokyo("2026-03-31T12:00:00"));
    assertEquals(DenialReason.UNKNOWN_PROCEDURE, before.reason());
    assertEquals("2017-07", before.tableVersion());
    AuthorisationDecision after =
        TABLE.authorise(
            JASSO, "student-support", MUNICIPALITY, "local-tax-info", tokyo("2026-04-01T09:00:00"));
    assertTrue(after.allowed(), after.message());
    assertEquals("B2-106-1", after.rowId());
  }

  @Test
  void postponedRowIsNotUsableBeforeItsOwnStart() {
    AuthorisationDecision early =
        TABLE.authorise(
            NHI_ASSOCIATION,
            "nhi-association-benefit",
            MUNICIPALITY,
            "local-tax-info",
            tokyo("2018-06-30T12:00:00"));
    assertEquals(DenialReason.ROW_NOT_YET_IN_FORCE, early.reason());
    assertEquals("B2-30-1", early.rowId());
    assertTrue(
        TABLE
            .authorise(
                NHI_ASSOCIATION,
                "nhi-association-benefit",
                MUNICIPALITY,
                "local-tax-info",
                tokyo("2018-07-01T00:00:00"))
            .allowed());
  }

  @Test
  void beforeAnyVersionNothingIsAllowed() {
    AuthorisationDecision d =
        TABLE.authorise(
            PENSION_ORGANISATION,
            "pension-benefit-eligibility",
            MUNICIPALITY,
            "local-tax-info",
            tokyo("2017-01-01T00:00:00"));
    assertEquals(DenialReason.NO_TABLE_IN_FORCE, d.reason());
    assertNull(d.tableVersion());
    assertTrue(d.message().contains("2017-01-01"), d.message());
  }

  @Test
  void pastDecisionCanBeReJudgedFromItsRecordedVersion() {
    AuthorisationDecision d =
        TABLE.authorise(
            PENSION_ORGANISATION,
            "pension-benefit-eligibility",
            MUNICIPALITY,
            "local-tax-info",
            tokyo("2020-01-10T10:00:00"));
    PermissionTableVersion recorded = TABLE.version(d.tableVersion()).orElseThrow();
    assertEquals(
        d,
        recorded.authorise(
            PENSION_ORGANISATION,
            "pension-benefit-eligibility",
            MUNICIPALITY,
            "local-tax-info",
            java.time.LocalDate.of(2020, 1, 10)));
    assertEquals("番号法第19条第7号、別表第二第48項", d.citation());
  }

  @Test
  void publicAssistanceMayAskTheStudentSupportOrganisationOnlyOnceItJoinedTheNetwork() {
    AuthorisationDecision early =
        TABLE.authorise(
            AgencyType.PREFECTURE,
            "livelihood-protection",
            JASSO,
            "student-support",
            tokyo("2019-06-16T12:00:00"));
    assertEquals(DenialReason.ROW_NOT_YET_IN_FORCE, early.reason());
    assertEquals("B2-26-7", early.rowId());
    AuthorisationDecision later =
        TABLE.authorise(
            AgencyType.PREFECTURE,
            "livelihood-protection",
            JASSO,
            "student-support",
            tokyo("2019-06-17T09:00:00"));
    assertTrue(later.allowed(), later.message());
    assertEquals("番号法第19条第7号、別表第二第26項", later.citation());
  }

  @Test
  void everyRowOfEveryVersionHasACitationAndRealisticShape() {
    assertEquals(2, TABLE.versions().size());
    for (PermissionTableVersion v : TABLE.versions()) {
      assertTrue(
          v.rows().size() >= 50 && v.rows().size() <= 70, v.version() + " has " + v.rows().size());
      for (PermissionRow row : v.rows()) {
        assertTrue(row.citation().startsWith("番号法第19条"), row.rowId() + ": " + row.citation());
        assertTrue(row.citation().endsWith("第" + row.rowId().split("-")[1] + "項"), row.rowId());
        assertFalse(row.procedureNameJa().isBlank(), row.rowId());
        assertFalse(row.validFrom().isBefore(java.time.LocalDate.of(2017, 7, 18)), row.rowId());
      }
    }
    assertTrue(
        TABLE.version("2017-07").orElseThrow().row("B2-106-1").isEmpty(), "JASSO row came later");
  }
}
