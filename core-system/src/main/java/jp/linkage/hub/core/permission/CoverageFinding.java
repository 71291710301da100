package jp.linkage.hub.core.permission;

import java.util.Objects;

/**
 * One gap found by {@link CoverageCheck}, e.g. row B2-30-1 of table 2017-07 needs {@code
 * taxableIncome} but the local-tax layout edition 2017-07 does not define it.
 *
 * @param tableVersion permission table version holding the row
 * @param rowId the row
 * @param item information item the row names
 * @param edition layout edition concerned; {@code "-"} when the finding is about no edition
 * @param field layout field concerned; {@code "-"} when the finding is about no single field
 * @param rule the rule broken
 * @param message readable explanation
 */
public record CoverageFinding(
    String tableVersion,
    String rowId,
    String item,
    String edition,
    String field,
    CoverageRule rule,
    String message) {

  public CoverageFinding {
    Objects.requireNonNull(tableVersion, "tableVersion");
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /**
   * {@code tableVersion<TAB>rowId<TAB>item<TAB>edition<TAB>field<TAB>rule<TAB>message}, as {@code
   * hub coverage} prints it.
   */
  public String line() {
    return String.join("\t", tableVersion, rowId, item, edition, field, rule.name(), message);
  }
}
