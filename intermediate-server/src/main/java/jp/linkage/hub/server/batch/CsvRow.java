package jp.linkage.hub.server.batch;

import java.util.List;

/**
 * One record of a batch file.
 *
 * @param line the physical line (1-based, counting every line of the file) the record starts on
 * @param cells the cells as written; an empty string is an empty cell
 */
public record CsvRow(long line, List<String> cells) {
  public CsvRow {
    cells = List.copyOf(cells);
  }
}
