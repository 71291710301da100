package jp.linkage.hub.layout.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.linkage.hub.layout.catalogue.ItemUses.Agency;
import jp.linkage.hub.layout.catalogue.ItemUses.Listing;
import jp.linkage.hub.layout.catalogue.ItemUses.Row;
import jp.linkage.hub.layout.catalogue.ItemUses.Value;

/**
 * The columns of a permission row (別表第二の行) on an item page. Built from the rows' named cells, so a
 * cell added to the rows later (e.g. the fields a procedure needs) shows up as a column without
 * changing the catalogue; the cells every row has get bilingual headers.
 */
final class RowCells {
  /** Shown elsewhere (the item is the page; the procedure's names go in the procedure cell). */
  private static final Set<String> FOLDED =
      Set.of(ItemUses.ITEM, ItemUses.PROCEDURE_JA, ItemUses.PROCEDURE_EN);

  private static final Map<String, String> HEADERS =
      Map.of(
          ItemUses.ROW_ID,
          "<span lang=\"ja\">行</span> Row",
          ItemUses.QUERIER,
          "<span lang=\"ja\">情報照会者</span> Querier",
          ItemUses.PROCEDURE,
          "<span lang=\"ja\">事務</span> Procedure",
          ItemUses.PROVIDER,
          "<span lang=\"ja\">情報提供者</span> Provider",
          ItemUses.CITATION,
          "<span lang=\"ja\">根拠</span> Citation",
          "validFrom",
          "<span lang=\"ja\">開始日</span> From",
          "neededFields",
          "<span lang=\"ja\">必要な項目</span> Fields needed");

  private final List<String> columns = new ArrayList<>();

  RowCells(List<String> cellNames) {
    for (String name : cellNames) {
      if (!FOLDED.contains(name)) {
        columns.add(name);
      }
    }
  }

  /** The header cells, already HTML. */
  List<String> headers() {
    return columns.stream().map(c -> HEADERS.getOrDefault(c, Html.text(c))).toList();
  }

  /** The cells of one row, already HTML (every value escaped). */
  List<String> cells(Row row) {
    return columns.stream()
        .map(
            c ->
                switch (c) {
                  case ItemUses.PROCEDURE ->
                      Html.ja(row.text(ItemUses.PROCEDURE_JA))
                          + "<br>"
                          + Html.text(row.text(ItemUses.PROCEDURE_EN))
                          + "<br><code>"
                          + Html.text(row.text(ItemUses.PROCEDURE))
                          + "</code>";
                  case ItemUses.CITATION -> Html.ja(row.text(ItemUses.CITATION));
                  default -> render(row.value(c));
                })
        .toList();
  }

  private static String render(Value value) {
    if (value instanceof Agency type) {
      return Html.ja(type.nameJa()) + "<br><code>" + Html.text(type.code()) + "</code>";
    }
    if (value instanceof Listing values) {
      return values.values().stream()
          .map(v -> "<code>" + Html.text(v.plain()) + "</code>")
          .collect(Collectors.joining(" "));
    }
    return Html.text(value.plain());
  }
}
