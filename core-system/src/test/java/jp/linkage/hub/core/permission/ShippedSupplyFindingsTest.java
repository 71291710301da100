package jp.linkage.hub.core.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import org.junit.jupiter.api.Test;

/**
 * The supply rules fire on drafts derived from the shipped table, layouts and provider supply: each
 * draft changes one thing a real revision could change, and the check names the row, item, edition
 * and field. The shipped files themselves pass ({@link CoverageCheckTest}), so these findings come
 * from the change alone.
 */
class ShippedSupplyFindingsTest {

  private static final PermissionTable SHIPPED = PermissionTable.loadFromClasspath();
  private static final LayoutCatalog LAYOUTS = LayoutCatalog.loadFromClasspath();
  private static final ProviderSupply SUPPLY = ProviderSupply.loadFromClasspath();

  /** The shipped table with {@code change} applied to every row of version 2026-04. */
  private static PermissionTable draft2026(UnaryOperator<List<PermissionRow>> change) {
    List<PermissionTableVersion> versions = new ArrayList<>();
    for (PermissionTableVersion v : SHIPPED.versions()) {
      versions.add(
          v.version().equals("2026-04")
              ? new PermissionTableVersion(
                  v.version(), v.validFrom(), change.apply(new ArrayList<>(v.rows())))
              : v);
    }
    return new PermissionTable(versions);
  }

  private static PermissionRow needing(PermissionRow r, String field) {
    List<String> needed = new ArrayList<>(r.neededFields());
    needed.add(field);
    return new PermissionRow(
        r.rowId(),
        r.querierType(),
        r.procedureCode(),
        r.procedureNameJa(),
        r.procedureNameEn(),
        r.providerType(),
        r.itemCode(),
        r.citation(),
        r.validFrom(),
        needed);
  }

  private static List<String> lines(List<CoverageFinding> findings) {
    return findings.stream().map(CoverageFinding::line).toList();
  }

  @Test
  void aRowNeedingTheBranchNumberFromAMunicipalityIsNotSupplied() {
    // a health insurance society wants the 枝番 from the municipal NHI: municipalities do not
    // register it
    PermissionTable draft =
        draft2026(
            rows -> {
              rows.replaceAll(r -> r.rowId().equals("B2-2-2") ? needing(r, "branchNumber") : r);
              return rows;
            });
    assertEquals(
        List.of(
            "2026-04\tB2-2-2\tmedical-insurance-eligibility\t-\tbranchNumber\tNEEDED_NOT_SUPPLIED\t"
                + "HEALTH_INSURANCE_SOCIETY needs branchNumber for health-insurance-benefit but MUNICIPALITY cannot supply it"),
        lines(new CoverageCheck(LAYOUTS, SUPPLY).check(draft)));
  }

  @Test
  void theSameFieldFromAHealthInsuranceSocietyIsSupplied() {
    PermissionTable draft =
        draft2026(
            rows -> {
              rows.replaceAll(r -> r.rowId().equals("B2-2-1") ? needing(r, "branchNumber") : r);
              return rows;
            });
    assertEquals(List.of(), lines(new CoverageCheck(LAYOUTS, SUPPLY).check(draft)));
  }

  @Test
  void aRowAskingTheWrongProviderTypeForAnItemIsNotDeclared() {
    // pension benefits come from 日本年金機構, not from the municipality
    PermissionTable draft =
        draft2026(
            rows -> {
              rows.add(
                  new PermissionRow(
                      "B2-94-9",
                      AgencyType.MUNICIPALITY,
                      "long-term-care-insurance",
                      "介護保険法",
                      "Long-term care",
                      AgencyType.MUNICIPALITY,
                      "pension-benefit",
                      "番号法第19条第8号、主務省令第2条の表第94項",
                      LocalDate.of(2026, 4, 1),
                      List.of("pensionType", "annualAmount")));
              return rows;
            });
    assertEquals(
        List.of(
            "2026-04\tB2-94-9\tpension-benefit\t-\t-\tPROVIDER_NOT_DECLARED\t"
                + "MUNICIPALITY declares nothing it can supply for pension-benefit"),
        lines(new CoverageCheck(LAYOUTS, SUPPLY).check(draft)));
  }

  @Test
  void aDraftEditionRequiringAFieldMunicipalitiesDoNotHoldIsCaughtForTheirRowsOnly() {
    // a 2027-04 draft of the disability certificate layout makes the 再認定年月日 required: the
    // prefecture
    // holds it, municipalities (who get certificates by the prefecture's notice) do not
    Layout current = LAYOUTS.latest("disability-certificate").orElseThrow();
    List<LayoutField> fields =
        current.fields().stream()
            .map(
                f ->
                    !f.code().equals("reviewDate")
                        ? f
                        : new LayoutField(
                            f.code(),
                            f.nameJa(),
                            f.nameEn(),
                            f.type(),
                            f.maxLength(),
                            f.pattern(),
                            f.codes(),
                            true,
                            f.description()))
            .toList();
    List<Layout> layouts = new ArrayList<>();
    LAYOUTS.items().forEach(item -> layouts.addAll(LAYOUTS.editions(item)));
    layouts.add(
        new Layout(
            current.item(),
            "2027-04",
            current.nameJa(),
            current.nameEn(),
            LocalDate.of(2027, 4, 1),
            fields));
    List<CoverageFinding> found =
        new CoverageCheck(new LayoutCatalog(layouts), SUPPLY).check(SHIPPED);
    assertEquals(
        List.of(
            "2026-04\tB2-108-2\tdisability-certificate\t2027-04\treviewDate\tREQUIRED_NOT_SUPPLIED\t"
                + "edition 2027-04 (in force 2027-04-01 to open) requires reviewDate but MUNICIPALITY cannot supply it"),
        lines(found));
  }
}
