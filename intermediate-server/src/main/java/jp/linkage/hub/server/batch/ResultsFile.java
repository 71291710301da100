package jp.linkage.hub.server.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jp.linkage.hub.server.api.QueryResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results file of a query file (UTF-8, RFC 4180 CSV), one line per query row in file order: the
 * answer's data as compact JSON when provided, else the detail (denial, rejection, failure).
 */
public final class ResultsFile implements AutoCloseable {
  /** The results file's column header. */
  public static final List<String> COLUMNS =
      List.of(
          "line",
          "localId",
          "linkageId",
          "status",
          "outcome",
          "freshness",
          "field",
          "rule",
          "data",
          "detail");

  private final CSVPrinter printer;

  public ResultsFile(Writer out) throws IOException {
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    printer.printRecord(COLUMNS);
  }

  /** A results file written to {@code file} (replaced if it exists). */
  public static ResultsFile to(Path file) throws IOException {
    return new ResultsFile(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /**
   * A row that was not sent: REJECTED with the (first) field and rule, every problem in the detail.
   */
  public void rejected(long line, String localId, List<RowProblem> problems) throws IOException {
    RowProblem first = problems.get(0);
    printer.printRecord(
        line,
        localId,
        "",
        "REJECTED",
        "",
        "",
        first.field(),
        first.rule(),
        "",
        problems.stream()
            .map(p -> (p.field().isEmpty() ? "" : p.field() + " ") + p.rule() + ": " + p.message())
            .collect(Collectors.joining("; ")));
  }

  /**
   * A sent query and where it stands ({@code result} null if the database has no row for it).
   *
   * @param timedOut why there is no final result, or null
   */
  public void result(
      long line, String localId, String linkageId, QueryResult result, String timedOut)
      throws IOException {
    JsonNode answer = result == null ? null : result.answer();
    String status = result == null ? "SENT" : result.status();
    String outcome = result == null || result.outcome() == null ? "" : result.outcome();
    String freshness = answer == null ? "" : answer.path("freshness").path("status").asText("");
    String data = answer == null || !answer.has("data") ? "" : answer.get("data").toString();
    String detail =
        timedOut != null
            ? timedOut
            : result == null || result.detail() == null ? "" : result.detail();
    printer.printRecord(line, localId, linkageId, status, outcome, freshness, "", "", data, detail);
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
