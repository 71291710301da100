package jp.linkage.hub.server.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.layout.FieldType;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.UnknownLayoutException;
import jp.linkage.hub.layout.Violation;

/**
 * A replica file (副本ファイル) read row by row: {@code #item=...;edition=...}, then the columns {@code
 * localId,masterChangedAt} and the layout's field codes, then one row per person. Each row is
 * converted to the flat JSON document of the layout (an empty cell is an absent field) and checked
 * by {@link LayoutValidator}; the importer adds no rules of its own besides the two fixed columns.
 */
public final class ReplicaFile implements AutoCloseable {
  /** The fixed columns that precede the layout's fields. */
  public static final List<String> FIXED_COLUMNS = List.of("localId", "masterChangedAt");

  private final CsvSource source;
  private final BatchFileHeader header;
  private final Layout layout;
  private final LayoutValidator layouts;
  private final List<String> columns;
  private final List<FieldType> types = new ArrayList<>();
  private final List<String> unknownColumns = new ArrayList<>();

  private ReplicaFile(
      CsvSource source, BatchFileHeader header, Layout layout, LayoutValidator layouts)
      throws BatchInputException {
    this.source = source;
    this.header = header;
    this.layout = layout;
    this.layouts = layouts;
    this.columns = source.columns().cells();
    if (columns.size() < 2 || !columns.subList(0, 2).equals(FIXED_COLUMNS)) {
      throw new BatchInputException(
          "line "
              + source.columns().line()
              + ": the columns must start with "
              + String.join(",", FIXED_COLUMNS)
              + ", found "
              + columns);
    }
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (!seen.add(column)) {
        throw new BatchInputException(
            "line " + source.columns().line() + ": column " + column + " appears twice");
      }
      Optional<LayoutField> field = layout.field(column);
      types.add(field.map(LayoutField::type).orElse(null));
      if (field.isEmpty() && !FIXED_COLUMNS.contains(column)) {
        unknownColumns.add(column);
      }
    }
  }

  /**
   * Opens a replica file and resolves its layout.
   *
   * @throws BatchInputException when the file is unreadable, its first line or columns are
   *     malformed, or no layout has its item and edition
   */
  public static ReplicaFile open(Path file, LayoutValidator layouts) throws BatchInputException {
    CsvSource source = CsvSource.open(file, true);
    try {
      BatchFileHeader header = BatchFileHeader.parse(source.directive().orElse(null));
      Layout layout;
      try {
        layout = layouts.catalog().layout(header.item());
      } catch (UnknownLayoutException e) {
        throw new BatchInputException("line 1: " + e.getMessage(), e);
      }
      return new ReplicaFile(source, header, layout, layouts);
    } catch (BatchInputException e) {
      source.close();
      throw new BatchInputException(file + ": " + e.getMessage(), e);
    }
  }

  public BatchFileHeader header() {
    return header;
  }

  public Layout layout() {
    return layout;
  }

  /** Columns the layout does not define: a row with a value there is rejected (UNKNOWN_FIELD). */
  public List<String> unknownColumns() {
    return List.copyOf(unknownColumns);
  }

  /** The next row, converted and validated, or empty at the end. */
  public Optional<ReplicaRow> next() throws BatchInputException {
    Optional<CsvRow> row = source.next();
    return row.isEmpty() ? Optional.empty() : Optional.of(convert(row.get()));
  }

  ReplicaRow convert(CsvRow row) {
    List<String> cells = row.cells();
    String localId = cells.isEmpty() ? "" : cells.get(0);
    List<RowProblem> problems = new ArrayList<>();
    if (cells.size() != columns.size()) {
      problems.add(
          new RowProblem(
              row.line(),
              localId,
              "",
              "CELL_COUNT",
              "the row has " + cells.size() + " cells, the column header " + columns.size()));
      return new ReplicaRow(row.line(), localId, null, null, problems);
    }
    if (localId.isEmpty()) {
      problems.add(
          new RowProblem(row.line(), "", "localId", "REQUIRED", "localId (利用番号) is required"));
    }
    Instant masterChangedAt = masterChangedAt(row, localId, cells.get(1), problems);
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    for (int i = FIXED_COLUMNS.size(); i < cells.size(); i++) {
      if (!cells.get(i).isEmpty()) {
        document.set(columns.get(i), CellConverter.convert(types.get(i), cells.get(i)));
      }
    }
    for (Violation v : layouts.validate(layout.ref(), document)) {
      problems.add(
          new RowProblem(row.line(), localId, column(v.fieldPath()), v.rule().name(), v.message()));
    }
    return new ReplicaRow(row.line(), localId, masterChangedAt, document, problems);
  }

  private static Instant masterChangedAt(
      CsvRow row, String localId, String cell, List<RowProblem> problems) {
    if (cell.isEmpty()) {
      problems.add(
          new RowProblem(
              row.line(),
              localId,
              "masterChangedAt",
              "REQUIRED",
              "masterChangedAt (when the master changed) is required"));
      return null;
    }
    try {
      return OffsetDateTime.parse(cell).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(
          new RowProblem(
              row.line(),
              localId,
              "masterChangedAt",
              "TYPE",
              "masterChangedAt '"
                  + cell
                  + "' must be an ISO 8601 date-time with offset, e.g. 2026-04-01T09:00:00+09:00"));
      return null;
    }
  }

  /** The column a layout violation's JSON Pointer names (layouts are flat: one level). */
  static String column(String pointer) {
    return pointer.isEmpty() ? "" : pointer.substring(1).replace("~1", "/").replace("~0", "~");
  }

  @Override
  public void close() {
    source.close();
  }
}
