package jp.linkage.hub.server.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reject report of a replica import (UTF-8, RFC 4180 CSV): one line per problem of a rejected
 * row, so a row with two bad fields has two lines with the same line number.
 */
public final class RejectReport implements AutoCloseable {
  /** The report's column header. */
  public static final List<String> COLUMNS = List.of("line", "localId", "field", "rule", "message");

  private final CSVPrinter printer;
  private long rows;

  public RejectReport(Writer out) throws IOException {
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    printer.printRecord(COLUMNS);
  }

  /** A report written to {@code file} (replaced if it exists). */
  public static RejectReport to(Path file) throws IOException {
    return new RejectReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /** Writes the problems of one rejected row. */
  public void reject(List<RowProblem> problems) throws IOException {
    for (RowProblem p : problems) {
      printer.printRecord(p.line(), p.localId(), p.field(), p.rule(), p.message());
    }
    rows++;
  }

  /** Rejected rows written so far. */
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
