package jp.linkage.hub.core.permission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;

/**
 * 網羅性検査 (coverage check): does every permission row get what it needs from the data standard
 * layouts and the providers? The 2017 audit (会計検査院, 事例4) found rows whose querier needed fields the
 * linkage-start layout did not define; linkage for them slipped a year. Run before a table or a
 * layout edition ships: in the build ({@code CoverageCheckTest}) and as {@code hub coverage}.
 *
 * <p>A row is usable under its table version from {@code max(row validFrom, version validFrom)}
 * until the day before the next version starts (open-ended for the newest version). Every layout
 * edition of the row's item in force during that period is checked, not only the one in force on
 * the first day, so that a field later removed from the layout is caught while a table still needs
 * it. Rules: see {@link CoverageRule}. Provider capabilities come from {@link ProviderSupply}.
 */
public final class CoverageCheck {

  private final LayoutCatalog layouts;
  private final ProviderSupply supply;

  public CoverageCheck(LayoutCatalog layouts, ProviderSupply supply) {
    this.layouts = Objects.requireNonNull(layouts, "layouts");
    this.supply = Objects.requireNonNull(supply, "supply");
  }

  /** The check with the shipped layouts and provider supply declaration. */
  public static CoverageCheck shipped() {
    return new CoverageCheck(LayoutCatalog.loadFromClasspath(), ProviderSupply.loadFromClasspath());
  }

  /**
   * Every finding over every row of every version of {@code table}, in table and row order; empty
   * if covered.
   */
  public List<CoverageFinding> check(PermissionTable table) {
    List<PermissionTableVersion> versions = table.versions();
    List<CoverageFinding> findings = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      LocalDate end = i + 1 < versions.size() ? versions.get(i + 1).validFrom().minusDays(1) : null;
      for (PermissionRow row : versions.get(i).rows()) {
        new RowCheck(
                versions.get(i).version(),
                row,
                later(row.validFrom(), versions.get(i).validFrom()),
                end,
                findings)
            .run();
      }
    }
    return findings;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The check of one row over the period {@code start..end} ({@code end} null: open). */
  private final class RowCheck {
    private final String version;
    private final PermissionRow row;
    private final LocalDate start;
    private final LocalDate end;
    private final List<CoverageFinding> out;

    RowCheck(
        String version,
        PermissionRow row,
        LocalDate start,
        LocalDate end,
        List<CoverageFinding> out) {
      this.version = version;
      this.row = row;
      this.start = start;
      this.end = end;
      this.out = out;
    }

    void run() {
      if (end != null && start.isAfter(end)) {
        return; // superseded before its own start: never usable under this version
      }
      String item = row.itemCode();
      if (!layouts.hasItem(item)) {
        add("-", "-", CoverageRule.UNKNOWN_ITEM, "no data standard layout defines item " + item);
        return;
      }
      List<Layout> editions = layouts.editions(item);
      if (editions.get(0).validFrom().isAfter(start)) {
        add(
            "-",
            "-",
            CoverageRule.NO_EDITION_IN_FORCE,
            "the row is usable from "
                + start
                + " but the first edition "
                + editions.get(0).edition()
                + " of "
                + item
                + " starts on "
                + editions.get(0).validFrom());
      }
      Optional<Set<String>> supplied = supply.fields(row.providerType(), item);
      if (supplied.isEmpty()) {
        add(
            "-",
            "-",
            CoverageRule.PROVIDER_NOT_DECLARED,
            row.providerType() + " declares nothing it can supply for " + item);
      }
      for (int j = 0; j < editions.size(); j++) {
        Layout edition = editions.get(j);
        LocalDate editionEnd =
            j + 1 < editions.size() ? editions.get(j + 1).validFrom().minusDays(1) : null;
        boolean overlaps =
            (end == null || !edition.validFrom().isAfter(end))
                && (editionEnd == null || !editionEnd.isBefore(start));
        if (overlaps) {
          checkEdition(edition, editionEnd, supplied);
        }
      }
      supplied.ifPresent(
          fields ->
              row.neededFields().stream()
                  .filter(f -> !fields.contains(f))
                  .forEach(
                      f ->
                          add(
                              "-",
                              f,
                              CoverageRule.NEEDED_NOT_SUPPLIED,
                              "%s needs %s for %s but %s cannot supply it"
                                  .formatted(
                                      row.querierType(),
                                      f,
                                      row.procedureCode(),
                                      row.providerType()))));
    }

    private void checkEdition(
        Layout edition, LocalDate editionEnd, Optional<Set<String>> supplied) {
      String inForce =
          "in force " + edition.validFrom() + " to " + (editionEnd == null ? "open" : editionEnd);
      for (String field : row.neededFields()) {
        if (edition.field(field).isEmpty()) {
          add(
              edition.edition(),
              field,
              CoverageRule.FIELD_NOT_DEFINED,
              "%s needs %s for %s from %s, but edition %s (%s) does not define it"
                  .formatted(
                      row.querierType(),
                      field,
                      row.procedureCode(),
                      start,
                      edition.edition(),
                      inForce));
        }
      }
      supplied.ifPresent(
          fields ->
              edition.fields().stream()
                  .filter(LayoutField::required)
                  .map(LayoutField::code)
                  .filter(f -> !fields.contains(f))
                  .forEach(
                      f ->
                          add(
                              edition.edition(),
                              f,
                              CoverageRule.REQUIRED_NOT_SUPPLIED,
                              "edition %s (%s) requires %s but %s cannot supply it"
                                  .formatted(edition.edition(), inForce, f, row.providerType()))));
    }

    private void add(String edition, String field, CoverageRule rule, String message) {
      out.add(
          new CoverageFinding(version, row.rowId(), row.itemCode(), edition, field, rule, message));
    }
  }
}
