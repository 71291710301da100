package jp.linkage.hub.core.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.layout.FieldType;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import org.junit.jupiter.api.Test;

/**
 * The coverage check: the shipped table must pass (this test is the build's gate), the case-4
 * fixture must fail with the exact finding, and every rule fires on a small synthetic table.
 */
class CoverageCheckTest {

  @Test
  void shippedTableIsCoveredByTheShippedLayoutsAndProviders() {
    assertEquals(
        List.of(), lines(CoverageCheck.shipped().check(PermissionTable.loadFromClasspath())));
  }

  @Test
  void everyTableVersionHasRowsForEveryItemWithAnEditionInForceUnderIt() {
    PermissionTable table = PermissionTable.loadFromClasspath();
    LayoutCatalog layouts = LayoutCatalog.loadFromClasspath();
    List<PermissionTableVersion> versions = table.versions();
    for (int i = 0; i < versions.size(); i++) {
      LocalDate end =
          i + 1 < versions.size() ? versions.get(i + 1).validFrom().minusDays(1) : LocalDate.MAX;
      Set<String> expected = new TreeSet<>();
      layouts.items().stream()
          .filter(item -> !layouts.editions(item).get(0).validFrom().isAfter(end))
          .forEach(expected::add);
      Set<String> rowItems = new TreeSet<>();
      versions.get(i).rows().forEach(r -> rowItems.add(r.itemCode()));
      assertEquals(expected, rowItems, "items with rows in " + versions.get(i).version());
    }
  }

  @Test
  void auditCase4TheNhiAssociationsLocalTaxRowAtLinkageStartIsCaught() {
    PermissionTable planned = PermissionTableLoader.fromClasspath("coverage-case4");
    assertEquals(
        List.of(
            "2017-07\tB2-30-1\tlocal-tax-info\t2017-07\ttaxableIncome\tFIELD_NOT_DEFINED\t"
                + "NHI_ASSOCIATION needs taxableIncome for nhi-association-benefit from 2017-07-18, but edition 2017-07"
                + " (in force 2017-07-18 to 2018-06-30) does not define it"),
        lines(CoverageCheck.shipped().check(planned)));
  }

  private static List<String> lines(List<CoverageFinding> findings) {
    return findings.stream().map(CoverageFinding::line).toList();
  }

  // --- every rule on a synthetic item "x-info": edition 2020-01 (a, b required), 2022-01 (a only,
  // c optional)

  private static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);
  private static final LocalDate Y2022 = LocalDate.of(2022, 1, 1);

  private static LayoutField field(String code, boolean required) {
    return new LayoutField(
        code, code, code, FieldType.STRING, null, null, List.of(), required, code);
  }

  private static final LayoutCatalog LAYOUTS =
      new LayoutCatalog(
          List.of(
              new Layout(
                  "x-info",
                  "2020-01",
                  "X",
                  "X",
                  Y2020,
                  List.of(field("a", true), field("b", true))),
              new Layout(
                  "x-info",
                  "2022-01",
                  "X",
                  "X",
                  Y2022,
                  List.of(field("a", true), field("c", false)))));

  private static PermissionRow row(
      String id, AgencyType provider, String item, LocalDate from, String... needed) {
    return new PermissionRow(
        id,
        AgencyType.MUNICIPALITY,
        "x-procedure",
        "X事務",
        "X procedure",
        provider,
        item,
        "番号法",
        from,
        List.of(needed));
  }

  private static List<CoverageFinding> check(
      Map<AgencyType, Map<String, Set<String>>> supply, PermissionTableVersion... versions) {
    return new CoverageCheck(LAYOUTS, new ProviderSupply(supply))
        .check(new PermissionTable(List.of(versions)));
  }

  private static final Map<AgencyType, Map<String, Set<String>>> ALL =
      Map.of(AgencyType.MUNICIPALITY, Map.of("x-info", Set.of("a", "b", "c")));

  private static String summary(CoverageFinding f) {
    return String.join(" ", f.tableVersion(), f.rowId(), f.edition(), f.field(), f.rule().name());
  }

  @Test
  void everyEditionInForceWhileTheRowIsUsableIsChecked() {
    // usable 2020-01-01..2021-12-31 under v1 (only edition 2020-01), then from 2022-01-01 under v2
    List<PermissionRow> rows =
        List.of(row("R1", AgencyType.MUNICIPALITY, "x-info", Y2020, "a", "b"));
    List<CoverageFinding> found =
        check(
            ALL,
            new PermissionTableVersion("v1", Y2020, rows),
            new PermissionTableVersion("v2", Y2022, rows));
    assertEquals(
        List.of("v2 R1 2022-01 b FIELD_NOT_DEFINED"),
        found.stream().map(CoverageCheckTest::summary).toList());
    assertEquals(
        List.of(),
        check(
            ALL,
            new PermissionTableVersion("v1", Y2020, rows),
            new PermissionTableVersion(
                "v2",
                Y2022,
                List.of(row("R1", AgencyType.MUNICIPALITY, "x-info", Y2020, "a", "c")))));
  }

  @Test
  void unknownItemAndNoEditionYet() {
    List<CoverageFinding> found =
        check(
            ALL,
            new PermissionTableVersion(
                "v0",
                LocalDate.of(2019, 1, 1),
                List.of(
                    row("R1", AgencyType.MUNICIPALITY, "y-info", Y2020, "a"),
                    row("R2", AgencyType.MUNICIPALITY, "x-info", LocalDate.of(2019, 6, 1), "a"))));
    assertEquals(
        List.of("v0 R1 - - UNKNOWN_ITEM", "v0 R2 - - NO_EDITION_IN_FORCE"),
        found.stream().map(CoverageCheckTest::summary).toList());
    assertEquals(
        "the row is usable from 2019-06-01 but the first edition 2020-01 of x-info starts on 2020-01-01",
        found.get(1).message());
  }

  @Test
  void providerSupply() {
    PermissionTableVersion v =
        new PermissionTableVersion(
            "v1",
            Y2022,
            List.of(
                row("R1", AgencyType.PREFECTURE, "x-info", Y2022, "a"),
                row("R2", AgencyType.MUNICIPALITY, "x-info", Y2022, "a", "c")));
    Map<AgencyType, Map<String, Set<String>>> partial =
        Map.of(AgencyType.MUNICIPALITY, Map.of("x-info", Set.of("c")));
    List<CoverageFinding> found = check(partial, v);
    assertEquals(
        List.of(
            "v1 R1 - - PROVIDER_NOT_DECLARED",
            "v1 R2 2022-01 a REQUIRED_NOT_SUPPLIED",
            "v1 R2 - a NEEDED_NOT_SUPPLIED"),
        found.stream().map(CoverageCheckTest::summary).toList());
    assertEquals(
        "edition 2022-01 (in force 2022-01-01 to open) requires a but MUNICIPALITY cannot supply it",
        found.get(1).message());
  }

  @Test
  void aRowSupersededBeforeItsOwnStartIsNotChecked() {
    assertEquals(
        List.of(),
        check(
            ALL,
            new PermissionTableVersion(
                "v1", Y2020, List.of(row("R9", AgencyType.MUNICIPALITY, "y-info", Y2022, "a"))),
            new PermissionTableVersion(
                "v2", Y2022, List.of(row("R1", AgencyType.MUNICIPALITY, "x-info", Y2022, "a")))));
  }
}
