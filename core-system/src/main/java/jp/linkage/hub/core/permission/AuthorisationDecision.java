package jp.linkage.hub.core.permission;

import java.util.Objects;
import jp.linkage.hub.core.api.PermissionRow;

/**
 * The permission table's judgement of one query. Everything an auditor needs to re-judge the query
 * later is here: the table version used and, if allowed, the matching row.
 *
 * @param allowed whether the query may proceed
 * @param tableVersion the version judged against; {@code null} only with {@link
 *     DenialReason#NO_TABLE_IN_FORCE}
 * @param rowId the matching row when allowed (or the not-yet-valid row for {@link
 *     DenialReason#ROW_NOT_YET_IN_FORCE}); otherwise {@code null}
 * @param citation legal basis of {@code rowId}, or {@code null} when there is no row
 * @param reason why it was denied; {@code null} when allowed
 * @param message readable explanation naming querier type, procedure, provider type and item
 */
public record AuthorisationDecision(
    boolean allowed,
    String tableVersion,
    String rowId,
    String citation,
    DenialReason reason,
    String message) {

  public AuthorisationDecision {
    Objects.requireNonNull(message, "message");
    if (allowed != (reason == null)) {
      throw new IllegalArgumentException("an allowed decision has no reason and a denial has one");
    }
  }

  static AuthorisationDecision allow(String tableVersion, PermissionRow row, String message) {
    return new AuthorisationDecision(
        true, tableVersion, row.rowId(), row.citation(), null, message);
  }

  static AuthorisationDecision deny(
      String tableVersion, PermissionRow row, DenialReason reason, String message) {
    return new AuthorisationDecision(
        false,
        tableVersion,
        row == null ? null : row.rowId(),
        row == null ? null : row.citation(),
        reason,
        message);
  }
}
