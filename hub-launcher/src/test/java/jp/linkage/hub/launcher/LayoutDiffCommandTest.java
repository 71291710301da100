package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code hub layout-diff}: the exact output on shipped editions, the exit codes and the argument
 * errors.
 */
class LayoutDiffCommandTest {
  private final HubCli hub = new HubCli();

  @Test
  void localTaxAtTheNhiAssociationsStartIsCompatible() {
    assertEquals(
        0,
        hub.run(
            "layout-diff",
            "--item",
            "local-tax-info",
            "--from",
            "2017-07",
            "--to",
            "2018-07",
            "--fail-on-breaking"));
    assertEquals(
        """
        local-tax-info 地方税関係情報: edition 2017-07 → 2018-07
        COMPATIBLE\tCOMPATIBLE\tCODE_ADDED\ttaxationCategory: code value '3' (未申告) added
        COMPATIBLE\tCOMPATIBLE\tFIELD_ADDED_OPTIONAL\ttaxableIncome: optional field added (課税所得金額)
        COMPATIBLE\tCOMPATIBLE\tFIELD_ADDED_OPTIONAL\tdependantUnder16Count: optional field added (年少扶養人数)
        providers: COMPATIBLE, queriers: COMPATIBLE (3 changes, 0 breaking)
        """,
        hub.out());
  }

  @Test
  void theChildAllowanceReformBreaksBothSides() {
    assertEquals(
        0,
        hub.run(
            "layout-diff", "--item", "child-allowance", "--from", "2017-07", "--to", "2026-04"));
    assertEquals(
        """
        child-allowance 児童手当関係情報: edition 2017-07 → 2026-04
        BREAKING\tBREAKING\tFIELD_REMOVED_REQUIRED\tpaymentKind: required field removed (支給区分)
        BREAKING\tCOMPATIBLE\tFIELD_ADDED_REQUIRED\tcountedChildCount: required field added (多子加算算定対象児童数)
        providers: BREAKING, queriers: BREAKING (2 changes, 2 breaking)
        """,
        hub.out());
    hub.clear();
    assertEquals(
        1,
        hub.run(
            "layout-diff",
            "--item",
            "child-allowance",
            "--from",
            "2017-07",
            "--to",
            "2026-04",
            "--fail-on-breaking"));
  }

  @Test
  void unknownItemOrEditionIsAUsageError() {
    assertEquals(
        2,
        hub.run("layout-diff", "--item", "no-such-info", "--from", "2017-07", "--to", "2026-04"));
    assertTrue(hub.err().contains("no data standard layout for item 'no-such-info'"), hub.err());
    assertEquals(
        2,
        hub.run("layout-diff", "--item", "local-tax-info", "--from", "2016-01", "--to", "2026-04"));
    assertTrue(hub.err().contains("known editions: [2017-07, 2018-07, 2026-04]"), hub.err());
    assertEquals("", hub.out());
  }
}
