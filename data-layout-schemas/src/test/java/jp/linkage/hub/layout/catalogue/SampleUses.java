package jp.linkage.hub.layout.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;

/**
 * Permission rows for the catalogue's tests, with the cells the launcher makes of the permission
 * table's rows (this module cannot read the table: it belongs to the core). The launcher's {@code
 * PermissionUsesTest} checks the shipped table through the same catalogue.
 */
final class SampleUses {
  /** The components of the core's permission row, in its order. */
  static final List<String> COLUMNS =
      List.of(
          "rowId",
          "querierType",
          "procedureCode",
          "procedureNameJa",
          "procedureNameEn",
          "providerType",
          "itemCode",
          "citation",
          "validFrom",
          "neededFields");

  /** An item the newer table names but no layout defines. */
  static final String UNDEFINED_ITEM = "undefined-item";

  private SampleUses() {}

  /**
   * Two table versions (2017-07 and 2026-04) with a row per item of {@code layouts} needing the
   * first field of the item's newest edition, local tax's row B2-30-1 needing {@code taxableIncome}
   * (usable from 2018-07, as in the shipped table), and in 2026-04 a row naming {@link
   * #UNDEFINED_ITEM}.
   */
  static ItemUses of(LayoutCatalog layouts) {
    List<ItemUses.Row> older = new ArrayList<>();
    List<ItemUses.Row> newer = new ArrayList<>();
    int paragraph = 1;
    for (String item : layouts.items()) {
      Layout latest = layouts.latest(item).orElseThrow();
      List<String> needed = latest.fields().stream().limit(1).map(LayoutField::code).toList();
      String rowId = "B2-" + paragraph++ + "-1";
      older.add(row(rowId, item, "事務 " + latest.nameJa(), needed, LocalDate.of(2017, 7, 18)));
      newer.add(row(rowId, item, "事務 " + latest.nameJa(), needed, LocalDate.of(2017, 7, 18)));
    }
    List<String> tax = List.of("taxYear", "taxationCategory", "totalIncome", "taxableIncome");
    older.add(
        row("B2-30-1", "local-tax-info", "国民健康保険法による保険給付の支給に関する事務", tax, LocalDate.of(2018, 7, 1)));
    newer.add(
        row("B2-30-1", "local-tax-info", "国民健康保険法による保険給付の支給に関する事務", tax, LocalDate.of(2018, 7, 1)));
    newer.add(
        row(
            "B2-99-1",
            UNDEFINED_ITEM,
            "未定義の項目の事務",
            List.of("someField"),
            LocalDate.of(2026, 4, 1)));
    return new ItemUses(
        COLUMNS,
        List.of(
            new ItemUses.Table("2017-07", LocalDate.of(2017, 7, 18), older),
            new ItemUses.Table("2026-04", LocalDate.of(2026, 4, 1), newer)));
  }

  /**
   * A row of the cells {@link #COLUMNS}: a municipality asks the pension organisation for {@code
   * item}.
   */
  static ItemUses.Row row(
      String rowId, String item, String procedureJa, List<String> needed, LocalDate validFrom) {
    return new ItemUses.Row(
        List.of(
            new ItemUses.Cell("rowId", new ItemUses.Text(rowId)),
            new ItemUses.Cell("querierType", new ItemUses.Agency("MUNICIPALITY", "市町村長")),
            new ItemUses.Cell("procedureCode", new ItemUses.Text(item + "-procedure")),
            new ItemUses.Cell("procedureNameJa", new ItemUses.Text(procedureJa)),
            new ItemUses.Cell("procedureNameEn", new ItemUses.Text("Procedure using " + item)),
            new ItemUses.Cell(
                "providerType", new ItemUses.Agency("PENSION_ORGANISATION", "日本年金機構")),
            new ItemUses.Cell("itemCode", new ItemUses.Text(item)),
            new ItemUses.Cell("citation", new ItemUses.Text("番号法第19条第8号")),
            new ItemUses.Cell("validFrom", new ItemUses.Text(validFrom.toString())),
            new ItemUses.Cell(
                "neededFields",
                new ItemUses.Listing(
                    needed.stream().<ItemUses.Value>map(ItemUses.Text::new).toList()))));
  }
}
