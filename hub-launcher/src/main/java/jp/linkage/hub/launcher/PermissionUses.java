package jp.linkage.hub.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import jp.linkage.hub.layout.catalogue.CatalogueException;
import jp.linkage.hub.layout.catalogue.ItemUses;

/**
 * The permission table (別表第二) as the layout catalogue takes it: every version, each row as one cell
 * per component of {@link PermissionRow}, in the record's order. Built from the record's
 * components, so a component added to the row later (e.g. the fields a procedure needs) becomes a
 * column of the catalogue without changing it.
 */
final class PermissionUses {
  private static final RecordComponent[] COMPONENTS = PermissionRow.class.getRecordComponents();

  private PermissionUses() {}

  /** The rows of {@code table}, as the catalogue shows them. */
  static ItemUses of(PermissionTable table) {
    List<String> columns = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
    List<ItemUses.Table> tables = new ArrayList<>();
    for (PermissionTableVersion v : table.versions()) {
      tables.add(
          new ItemUses.Table(
              v.version(), v.validFrom(), v.rows().stream().map(PermissionUses::row).toList()));
    }
    return new ItemUses(columns, tables);
  }

  private static ItemUses.Row row(PermissionRow row) {
    List<ItemUses.Cell> cells = new ArrayList<>();
    for (RecordComponent c : COMPONENTS) {
      cells.add(new ItemUses.Cell(c.getName(), cell(value(c, row))));
    }
    return new ItemUses.Row(cells);
  }

  private static ItemUses.Value cell(Object value) {
    if (value instanceof AgencyType type) {
      return new ItemUses.Agency(type.name(), type.nameJa());
    }
    if (value instanceof Collection<?> values) {
      return new ItemUses.Listing(values.stream().map(PermissionUses::cell).toList());
    }
    return new ItemUses.Text(value == null ? null : value.toString());
  }

  private static Object value(RecordComponent c, PermissionRow row) {
    try {
      return c.getAccessor().invoke(row);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new CatalogueException(
          "cannot read " + c.getName() + " of permission row " + row.rowId(), e);
    }
  }
}
