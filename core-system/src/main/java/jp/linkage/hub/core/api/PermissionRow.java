package jp.linkage.hub.core.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One row of 別表第二 (permission table): a querier type may ask a provider type for one information
 * item (特定個人情報) for one administrative procedure (事務), from {@code validFrom} on.
 *
 * @param rowId stable id, {@code B2-<項>-<n>}: the paragraph (項) of the table and the position of
 *     this (provider, item) pair within it
 * @param querierType 情報照会者 type
 * @param procedureCode 事務 code, e.g. {@code pension-benefit-eligibility}
 * @param procedureNameJa 事務 as written in the law
 * @param procedureNameEn English name of the procedure
 * @param providerType 情報提供者 type
 * @param itemCode 特定個人情報 code, e.g. {@code local-tax-info}
 * @param citation legal basis (根拠条文), e.g. {@code 番号法第19条第8号、主務省令第2条の表第48項}
 * @param validFrom first day (Asia/Tokyo) on which the row may be used; may lie after the version's
 *     own start when linkage of that row was scheduled later
 * @param neededFields codes of the item's layout fields (データ標準レイアウトの項目) the procedure needs,
 *     checked against the layouts by the core's coverage check; empty only in events logged before
 *     rows declared them
 */
public record PermissionRow(
    String rowId,
    AgencyType querierType,
    String procedureCode,
    String procedureNameJa,
    String procedureNameEn,
    AgencyType providerType,
    String itemCode,
    String citation,
    LocalDate validFrom,
    List<String> neededFields) {

  public PermissionRow {
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(querierType, "querierType");
    Objects.requireNonNull(procedureCode, "procedureCode");
    Objects.requireNonNull(procedureNameJa, "procedureNameJa");
    Objects.requireNonNull(procedureNameEn, "procedureNameEn");
    Objects.requireNonNull(providerType, "providerType");
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(validFrom, "validFrom");
    neededFields = neededFields == null ? List.of() : List.copyOf(neededFields);
  }
}
