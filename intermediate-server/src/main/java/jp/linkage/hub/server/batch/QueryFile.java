package jp.linkage.hub.server.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.Query;

/**
 * A query file (照会ファイル): the column header {@code localId,procedure,provider,item,edition} (any
 * order; other columns are ignored), then one query per row. A row that cannot be sent (an empty
 * cell, a wrong number of cells, an unknown item, edition or provider) carries its problems; the
 * run goes on.
 */
public final class QueryFile implements AutoCloseable {
  /** The columns a query file must have. */
  public static final List<String> COLUMNS =
      List.of("localId", "procedure", "provider", "item", "edition");

  private final CsvSource source;
  private final LayoutCatalog layouts;
  private final Set<String> agencies;
  private final int width;
  private final int[] index = new int[COLUMNS.size()];

  private QueryFile(CsvSource source, LayoutCatalog layouts, Set<String> agencies)
      throws BatchInputException {
    this.source = source;
    this.layouts = layouts;
    this.agencies = agencies;
    List<String> header = source.columns().cells();
    this.width = header.size();
    for (int i = 0; i < COLUMNS.size(); i++) {
      index[i] = header.indexOf(COLUMNS.get(i));
      if (index[i] < 0) {
        throw new BatchInputException(
            "line "
                + source.columns().line()
                + ": no column "
                + COLUMNS.get(i)
                + " (a query file's columns are "
                + String.join(",", COLUMNS)
                + "), found "
                + header);
      }
    }
  }

  /**
   * @param agencies the agency codes a provider may be
   * @throws BatchInputException when the file is unreadable or lacks one of {@link #COLUMNS}
   */
  public static QueryFile open(Path file, LayoutCatalog layouts, Set<String> agencies)
      throws BatchInputException {
    CsvSource source = CsvSource.open(file, false);
    try {
      return new QueryFile(source, layouts, agencies);
    } catch (BatchInputException e) {
      source.close();
      throw new BatchInputException(file + ": " + e.getMessage(), e);
    }
  }

  /** The next query, checked, or empty at the end. */
  public Optional<QueryRow> next() throws BatchInputException {
    Optional<CsvRow> row = source.next();
    return row.isEmpty() ? Optional.empty() : Optional.of(check(row.get()));
  }

  QueryRow check(CsvRow row) {
    List<String> cells = row.cells();
    String[] v = new String[COLUMNS.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = index[i] < cells.size() ? cells.get(index[i]) : "";
    }
    List<RowProblem> problems = new ArrayList<>();
    if (cells.size() != width) {
      problems.add(
          new RowProblem(
              row.line(),
              v[0],
              "",
              "CELL_COUNT",
              "the row has " + cells.size() + " cells, the column header " + width));
    } else {
      for (int i = 0; i < v.length; i++) {
        if (v[i].isEmpty()) {
          problems.add(
              new RowProblem(
                  row.line(), v[0], COLUMNS.get(i), "REQUIRED", COLUMNS.get(i) + " is required"));
        }
      }
      known(row.line(), v, problems);
    }
    // no problem: the item and the edition are known, so neither is blank
    Query query = problems.isEmpty() ? new Query(v[0], v[1], v[2], new ItemRef(v[3], v[4])) : null;
    return new QueryRow(row.line(), v[0], query, problems);
  }

  private void known(long line, String[] v, List<RowProblem> problems) {
    if (!v[2].isEmpty() && !agencies.contains(v[2])) {
      problems.add(new RowProblem(line, v[0], "provider", "UNKNOWN_AGENCY", "no agency " + v[2]));
    }
    if (!v[3].isEmpty() && !layouts.hasItem(v[3])) {
      problems.add(
          new RowProblem(
              line, v[0], "item", "UNKNOWN_ITEM", "no data standard layout for item " + v[3]));
    } else if (!v[3].isEmpty()
        && !v[4].isEmpty()
        && (v[4].isBlank()
            || layouts.find(new ItemRef(v[3], v[4])).isEmpty())) { // blank: no edition has it
      problems.add(
          new RowProblem(
              line,
              v[0],
              "edition",
              "UNKNOWN_EDITION",
              "item "
                  + v[3]
                  + " has no layout edition "
                  + v[4]
                  + "; known: "
                  + layouts.editions(v[3]).stream().map(l -> l.edition()).toList()));
    }
  }

  @Override
  public void close() {
    source.close();
  }

  /** Columns besides {@link #COLUMNS}; they are ignored. */
  public List<String> extraColumns() throws BatchInputException {
    List<String> extra = new ArrayList<>(source.columns().cells());
    extra.removeAll(COLUMNS);
    return extra;
  }
}
