package jp.linkage.hub.layout.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The permission table (別表第二) as the catalogue shows it: its versions, and each version's rows as
 * named cells, so that the catalogue can list the rows that use each item without depending on the
 * table's own types (they belong to the core, which depends on this module). The launcher fills it
 * from the permission table, one cell per component of a row, in the row's order.
 *
 * @param columns the cell names every row has, in order; they must include the names the catalogue
 *     reads ({@link #ROW_ID}, {@link #ITEM}, ...); other cells become columns of their own
 * @param tables the table versions, in any order
 */
public record ItemUses(List<String> columns, List<Table> tables) {
  public static final String ROW_ID = "rowId";
  public static final String ITEM = "itemCode";
  public static final String QUERIER = "querierType";
  public static final String PROVIDER = "providerType";
  public static final String PROCEDURE = "procedureCode";
  public static final String PROCEDURE_JA = "procedureNameJa";
  public static final String PROCEDURE_EN = "procedureNameEn";
  public static final String CITATION = "citation";

  /** The cells the catalogue reads by name. */
  public static final List<String> READ =
      List.of(ROW_ID, ITEM, QUERIER, PROVIDER, PROCEDURE, PROCEDURE_JA, PROCEDURE_EN, CITATION);

  public ItemUses {
    columns = List.copyOf(columns);
    tables = List.copyOf(tables);
    if (!columns.containsAll(READ)) {
      throw new CatalogueException("permission rows need the cells " + READ + ", got " + columns);
    }
    for (Table t : tables) {
      for (Row r : t.rows()) {
        if (!r.cells().stream().map(Cell::name).toList().equals(columns)) {
          throw new CatalogueException(
              "row of table " + t.version() + " has other cells than " + columns);
        }
      }
    }
  }

  /** One version of the permission table, in force from {@code validFrom}. */
  public record Table(String version, LocalDate validFrom, List<Row> rows) {
    public Table {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(validFrom, "validFrom");
      rows = List.copyOf(rows);
    }
  }

  /** One row of a table version, as its cells in column order. */
  public record Row(List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** The value of the cell {@code name}. */
    public Value value(String name) {
      return cells.stream()
          .filter(c -> c.name().equals(name))
          .findFirst()
          .map(Cell::value)
          .orElseThrow(() -> new CatalogueException("a permission row has no cell " + name));
    }

    /** Plain text of the cell {@code name}. */
    public String text(String name) {
      return value(name).plain();
    }

    public String rowId() {
      return text(ROW_ID);
    }

    public String item() {
      return text(ITEM);
    }
  }

  /** One named cell of a row. */
  public record Cell(String name, Value value) {
    public Cell {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** What a cell holds. */
  public sealed interface Value permits Text, Agency, Listing {
    /** The value as plain text, as the search index holds it. */
    String plain();
  }

  /** Any value as text (a code, a name, a date); {@code null} is empty. */
  public record Text(String text) implements Value {
    public Text {
      text = text == null ? "" : text;
    }

    @Override
    public String plain() {
      return text;
    }
  }

  /** A kind of agency (情報照会者・情報提供者の種別): its code, e.g. {@code MUNICIPALITY}, and Japanese name. */
  public record Agency(String code, String nameJa) implements Value {
    @Override
    public String plain() {
      return code + " " + nameJa;
    }
  }

  /**
   * Several values, e.g. the fields a row needs; a listing is also searchable under its cell's
   * name.
   */
  public record Listing(List<Value> values) implements Value {
    public Listing {
      values = List.copyOf(values);
    }

    @Override
    public String plain() {
      return values.stream().map(Value::plain).collect(Collectors.joining(", "));
    }
  }
}
