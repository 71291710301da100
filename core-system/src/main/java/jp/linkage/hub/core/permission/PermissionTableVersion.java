package jp.linkage.hub.core.permission;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;

/**
 * One edition of 別表第二 / 主務省令の表, in force from {@code validFrom} until the next version starts.
 *
 * @param version id of the edition, e.g. {@code 2026-04}
 * @param validFrom first day (Asia/Tokyo) on which this edition governs queries
 * @param rows the rows; at most one per (querier, procedure, provider, item)
 */
public record PermissionTableVersion(
    String version, LocalDate validFrom, List<PermissionRow> rows) {

  public PermissionTableVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(validFrom, "validFrom");
    rows = List.copyOf(rows);
  }

  /** The row with this id, if any. */
  public Optional<PermissionRow> row(String rowId) {
    return rows.stream().filter(r -> r.rowId().equals(rowId)).findFirst();
  }

  /**
   * Judges one query against this version only; {@code date} is the query date in Asia/Tokyo and
   * decides whether a row with a later start of its own may be used yet. Narrows step by step
   * (procedure, querier, provider, item) so that a denial names the first thing that did not fit.
   */
  public AuthorisationDecision authorise(
      AgencyType querier, String procedure, AgencyType provider, String item, LocalDate date) {
    Objects.requireNonNull(querier, "querier");
    Objects.requireNonNull(procedure, "procedure");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(date, "date");
    String what =
        "querier type %s, procedure %s, provider type %s, item %s"
            .formatted(querier, procedure, provider, item);

    List<PermissionRow> candidates =
        rows.stream().filter(r -> r.procedureCode().equals(procedure)).toList();
    if (candidates.isEmpty()) {
      return deny(
          DenialReason.UNKNOWN_PROCEDURE, what, "procedure " + procedure + " is not in the table");
    }
    candidates = narrow(candidates, r -> r.querierType() == querier);
    if (candidates.isEmpty()) {
      return deny(
          DenialReason.NO_ROW_FOR_PROCEDURE,
          what,
          "no row lets " + querier + " perform procedure " + procedure);
    }
    candidates = narrow(candidates, r -> r.providerType() == provider);
    if (candidates.isEmpty()) {
      return deny(
          DenialReason.PROVIDER_TYPE_NOT_PERMITTED,
          what,
          "for procedure " + procedure + " " + querier + " may not query " + provider);
    }
    candidates = narrow(candidates, r -> r.itemCode().equals(item));
    if (candidates.isEmpty()) {
      return deny(
          DenialReason.ITEM_NOT_PERMITTED,
          what,
          "for procedure "
              + procedure
              + " "
              + querier
              + " may not ask "
              + provider
              + " for "
              + item);
    }
    PermissionRow row = candidates.get(0); // the loader guarantees one row per tuple
    if (row.validFrom().isAfter(date)) {
      return AuthorisationDecision.deny(
          version,
          row,
          DenialReason.ROW_NOT_YET_IN_FORCE,
          "Denied (%s) by permission table %s: row %s applies only from %s, query date %s"
              .formatted(what, version, row.rowId(), row.validFrom(), date));
    }
    return AuthorisationDecision.allow(
        version,
        row,
        "Allowed (%s) by permission table %s, row %s (%s)"
            .formatted(what, version, row.rowId(), row.citation()));
  }

  private static List<PermissionRow> narrow(
      List<PermissionRow> rows, Predicate<PermissionRow> test) {
    return rows.stream().filter(test).toList();
  }

  private AuthorisationDecision deny(DenialReason reason, String what, String detail) {
    return AuthorisationDecision.deny(
        version,
        null,
        reason,
        "Denied (%s) by permission table %s: %s".formatted(what, version, detail));
  }
}
