package jp.linkage.hub.core.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import jp.linkage.hub.core.agency.Agency;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;

/** Queries checked against the layouts and the needed fields of the row that would allow them. */
class QueryValidationTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z"); // table 2026-04 in force
  private static final QueryValidation CHECK =
      new QueryValidation(
          LayoutCatalog.loadFromClasspath(),
          PermissionTable.loadFromClasspath(),
          new AgencyDirectory(
              List.of(
                  new Agency(
                      "kokuho-kumiai-13",
                      AgencyType.NHI_ASSOCIATION,
                      "東京都〇〇国民健康保険組合",
                      "NHI association"),
                  new Agency("muni-131016", AgencyType.MUNICIPALITY, "千代田区", "Chiyoda City"))));

  private static MalformedMessageException rejected(String item, String edition) {
    return assertThrows(
        MalformedMessageException.class,
        () ->
            CHECK.check(
                "kokuho-kumiai-13",
                new QueryRequest("nhi-association-benefit", "muni-131016", item, "sym", edition),
                AT));
  }

  @Test
  void anItemWithoutALayoutIsRejected() {
    MalformedMessageException e = rejected("shoe-size", "2026-04");
    assertEquals("data.item", e.field());
    assertEquals("UNKNOWN_ITEM", e.rule());
  }

  @Test
  void anEditionTheItemDoesNotHaveIsRejectedListingTheEditions() {
    MalformedMessageException e = rejected("local-tax-info", "2099-01");
    assertEquals("data.layoutEdition", e.field());
    assertEquals("UNKNOWN_EDITION", e.rule());
    assertTrue(e.getMessage().contains("2017-07, 2018-07, 2026-04"), e.getMessage());
  }

  @Test
  void case4AtRunTimeAnEditionLackingANeededFieldIsRejectedNamingRowAndField() {
    MalformedMessageException e = rejected("local-tax-info", "2017-07");
    assertEquals("data.layoutEdition", e.field());
    assertEquals("NEEDED_FIELDS_NOT_IN_EDITION", e.rule());
    assertTrue(
        e.getMessage().contains("row B2-30-1") && e.getMessage().contains("taxableIncome"),
        e.getMessage());
  }

  @Test
  void theEditionInForceCarriesEverythingTheProcedureNeeds() {
    assertDoesNotThrow(
        () ->
            CHECK.check(
                "kokuho-kumiai-13",
                new QueryRequest(
                    "nhi-association-benefit", "muni-131016", "local-tax-info", "sym", "2026-04"),
                AT));
  }

  @Test
  void aQueryNoRowAllowsIsLeftToTheAuthoriserToDenyOnTheRecord() {
    assertDoesNotThrow(
        () ->
            CHECK.check(
                "kokuho-kumiai-13",
                new QueryRequest(
                    "no-such-procedure", "muni-131016", "local-tax-info", "sym", "2017-07"),
                AT));
    assertDoesNotThrow(
        () ->
            CHECK.check(
                "not-registered",
                new QueryRequest(
                    "nhi-association-benefit", "muni-131016", "local-tax-info", "sym", "2017-07"),
                AT));
  }
}
