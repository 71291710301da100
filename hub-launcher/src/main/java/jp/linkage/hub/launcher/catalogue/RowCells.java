package jp.linkage.hub.launcher.catalogue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.linkage.hub.core.permission.AgencyType;
import jp.linkage.hub.core.permission.PermissionRow;

/**
 * The columns of a permission row (別表第二の行) on an item page. Built from the record's components, so a
 * component added to {@link PermissionRow} later (e.g. the fields a procedure needs) shows up as a column
 * without changing the catalogue; the components every row has get bilingual headers.
 */
final class RowCells {
  /** Shown elsewhere (the item is the page; the procedure's names go in the procedure cell). */
  private static final Set<String> FOLDED = Set.of("itemCode", "procedureNameJa", "procedureNameEn");
  private static final Map<String, String> HEADERS = Map.of(
      "rowId", "<span lang=\"ja\">行</span> Row",
      "querierType", "<span lang=\"ja\">情報照会者</span> Querier",
      "procedureCode", "<span lang=\"ja\">事務</span> Procedure",
      "providerType", "<span lang=\"ja\">情報提供者</span> Provider",
      "citation", "<span lang=\"ja\">根拠</span> Citation",
      "validFrom", "<span lang=\"ja\">開始日</span> From",
      "neededFields", "<span lang=\"ja\">必要な項目</span> Fields needed");

  private final List<RecordComponent> columns = new ArrayList<>();

  RowCells() {
    for (RecordComponent c : PermissionRow.class.getRecordComponents()) {
      if (!FOLDED.contains(c.getName())) {
        columns.add(c);
      }
    }
  }

  /** The header cells, already HTML. */
  List<String> headers() {
    return columns.stream().map(c -> HEADERS.getOrDefault(c.getName(), Html.text(c.getName()))).toList();
  }

  /** The cells of one row, already HTML (every value escaped). */
  List<String> cells(PermissionRow row) {
    return columns.stream().map(c -> switch (c.getName()) {
      case "procedureCode" -> Html.ja(row.procedureNameJa()) + "<br>" + Html.text(row.procedureNameEn())
          + "<br><code>" + Html.text(row.procedureCode()) + "</code>";
      case "citation" -> Html.ja(row.citation());
      default -> render(value(c, row));
    }).toList();
  }

  /** Plain text of a component's value, for the search index. */
  static String plain(Object value) {
    if (value instanceof AgencyType type) {
      return type.name() + " " + type.nameJa();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(RowCells::plain).collect(Collectors.joining(", "));
    }
    return value == null ? "" : value.toString();
  }

  private static String render(Object value) {
    if (value instanceof AgencyType type) {
      return Html.ja(type.nameJa()) + "<br><code>" + Html.text(type.name()) + "</code>";
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(v -> "<code>" + Html.text(plain(v)) + "</code>").collect(Collectors.joining(" "));
    }
    return Html.text(plain(value));
  }

  static Object value(RecordComponent c, PermissionRow row) {
    try {
      return c.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new CatalogueException("cannot read " + c.getName() + " of permission row " + row.rowId(), e);
    }
  }
}
