package jp.linkage.hub.server.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.bulk.BulkFiling;
import jp.linkage.hub.server.query.QueryFiler;

/**
 * Runs a query file: queues every valid row as a query of the agency ({@value #CHUNK} per
 * transaction, one bulk for the file), then waits (up to a timeout) for every result and writes the
 * results file in file order. Bad rows and persons without a symbol become REJECTED lines; they
 * never stop the run. {@link #runFile} runs a file on the intermediate server's database ({@code
 * hub batch queries}).
 */
public final class QueryBatch {
  /** Valid rows queued per call of {@link Sender#queue}. */
  public static final int CHUNK = 500;

  /** How often the database is asked for results while waiting. */
  public static final Duration POLL = Duration.ofMillis(250);

  /** Queues queries and reads their results, e.g. through a {@link BulkFiling}. */
  public interface Sender {
    /**
     * Queues the queries (all or none) and returns, per query in order, its linkage id, or null
     * when the agency holds no symbol for the query's local id (that query is not queued).
     */
    List<String> queue(List<Query> queries) throws SQLException;

    /** Current results by linkage id (ids unknown to the database left out). */
    Map<String, QueryResult> results(List<String> linkageIds) throws SQLException;

    /** Waits a little before asking for results again. */
    void pause() throws InterruptedException;
  }

  private record Entry(QueryRow row, String linkageId, List<RowProblem> problems) {
    Entry queued(String id) {
      return id != null
          ? new Entry(row, id, List.of())
          : new Entry(
              row,
              null,
              List.of(
                  new RowProblem(
                      row.line(),
                      row.localId(),
                      "localId",
                      "UNKNOWN_PERSON",
                      "the agency has no symbol for local id "
                          + row.localId()
                          + "; request one first")));
    }
  }

  /** What {@link #runFile} did: the summary, and the bulk the file's queries were queued in. */
  public record FileRun(QuerySummary summary, String bulkId) {}

  private final Sender sender;
  private final PrintWriter err;
  private final long total;
  private final LongSupplier nanoTime;
  private final Duration timeout;

  public QueryBatch(
      Sender sender, PrintWriter err, long total, LongSupplier nanoTime, Duration timeout) {
    this.sender = sender;
    this.err = err;
    this.total = total;
    this.nanoTime = nanoTime;
    this.timeout = timeout;
  }

  /**
   * Queues the query file {@code file} (UTF-8 CSV) as one bulk (一括照会) of {@code agency} in the
   * intermediate server's database, where the running server's bulk dispatcher finds the queued
   * rows on its period and sends them paced, then waits up to {@code timeout} for the answers and
   * writes them to {@code out}. Warnings and progress go to {@code err}.
   *
   * @param agencies the agency codes a row's provider may name
   */
  public static FileRun runFile(
      Path file,
      Path out,
      String agency,
      Set<String> agencies,
      ServerDatabase database,
      PrintWriter err,
      Duration timeout)
      throws BatchInputException, IOException, SQLException, InterruptedException {
    try (QueryFile queries = QueryFile.open(file, LayoutCatalog.loadFromClasspath(), agencies)) {
      long total = CsvSource.countRows(file, false);
      queries.extraColumns().forEach(c -> err.println("warning: column " + c + " is ignored"));
      DataSource dataSource = database.open();
      QueryFiler filer = new QueryFiler(dataSource, Clock.systemUTC());
      BulkFiling bulk =
          BulkFiling.open(
              dataSource, Clock.systemUTC(), agency, "batch file " + file.getFileName());
      QuerySummary summary;
      try (ResultsFile results = ResultsFile.to(out)) {
        summary =
            new QueryBatch(sender(filer, bulk, agency), err, total, System::nanoTime, timeout)
                .run(queries, results);
      }
      return new FileRun(summary, bulk.bulkId());
    }
  }

  private static Sender sender(QueryFiler filer, BulkFiling bulk, String agency) {
    return new Sender() {
      @Override
      public List<String> queue(List<Query> queries) throws SQLException {
        return bulk.add(queries);
      }

      @Override
      public Map<String, QueryResult> results(List<String> linkageIds) throws SQLException {
        return filer.results(agency, linkageIds);
      }

      @Override
      public void pause() throws InterruptedException {
        Thread.sleep(POLL.toMillis());
      }
    };
  }

  public QuerySummary run(QueryFile file, ResultsFile out)
      throws BatchInputException, IOException, SQLException, InterruptedException {
    List<Entry> entries = new ArrayList<>();
    Progress queuing = new Progress(err, "queries queued", total, nanoTime);
    List<Integer> pending =
        new ArrayList<>(CHUNK); // indexes into entries of valid rows not yet queued
    for (Optional<QueryRow> next = file.next(); next.isPresent(); next = file.next()) {
      QueryRow row = next.get();
      if (row.valid()) {
        pending.add(entries.size());
        entries.add(new Entry(row, null, List.of()));
        if (pending.size() == CHUNK) {
          queue(entries, pending, queuing);
        }
      } else {
        entries.add(new Entry(row, null, row.problems()));
        queuing.advance(1);
      }
    }
    queue(entries, pending, queuing);
    queuing.finish();
    List<String> sent =
        entries.stream().filter(e -> e.linkageId() != null).map(Entry::linkageId).toList();
    Map<String, QueryResult> finals = await(sent);
    Map<String, QueryResult> last = new HashMap<>(finals);
    List<String> open = sent.stream().filter(id -> !finals.containsKey(id)).toList();
    if (!open.isEmpty()) {
      last.putAll(sender.results(open));
    }
    Map<String, Long> byStatus = new LinkedHashMap<>();
    finals.values().forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
    String noResult =
        "no final result within " + timeout.toSeconds() + " s; look it up later by its linkage id";
    long rejected = 0;
    for (Entry e : entries) {
      if (e.linkageId() == null) {
        rejected++;
        out.rejected(e.row().line(), e.row().localId(), e.problems());
      } else {
        out.result(
            e.row().line(),
            e.row().localId(),
            e.linkageId(),
            last.get(e.linkageId()),
            finals.containsKey(e.linkageId()) ? null : noResult);
      }
    }
    return new QuerySummary(entries.size(), rejected, byStatus, open.size());
  }

  /** Queues the pending rows in one call and records their linkage ids (or UNKNOWN_PERSON). */
  private void queue(List<Entry> entries, List<Integer> pending, Progress queuing)
      throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    List<String> ids =
        sender.queue(pending.stream().map(i -> entries.get(i).row().query()).toList());
    for (int k = 0; k < pending.size(); k++) {
      entries.set(pending.get(k), entries.get(pending.get(k)).queued(ids.get(k)));
    }
    queuing.advance(pending.size());
    pending.clear();
  }

  /** Asks for the open queries' results until all are final or the timeout runs out. */
  private Map<String, QueryResult> await(List<String> sent)
      throws SQLException, InterruptedException {
    Map<String, QueryResult> finals = new HashMap<>();
    List<String> open = new ArrayList<>(sent);
    Progress results = new Progress(err, "results", sent.size(), nanoTime);
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    while (!open.isEmpty()) {
      Map<String, QueryResult> now = sender.results(open);
      int before = open.size();
      for (QueryResult r : now.values()) {
        if (r.isFinal()) {
          finals.put(r.linkageId(), r);
        }
      }
      open.removeIf(finals::containsKey);
      results.advance(before - open.size());
      if (open.isEmpty() || nanoTime.getAsLong() - deadline >= 0) {
        break;
      }
      sender.pause();
    }
    results.finish();
    return finals;
  }
}
