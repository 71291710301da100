package jp.linkage.hub.server.batch;

import static jp.linkage.hub.server.batch.BatchFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query file against a fake sender: bad rows and unknown persons are REJECTED lines; waiting ends
 * at the timeout.
 */
class QueryBatchTest {
  private static final Set<String> AGENCIES = Set.of("muni-131016", "nenkin", "hi-kenpo-06130001");

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong();
  private final Map<String, QueryResult> results = new HashMap<>();
  private final List<String> sent = new ArrayList<>();

  private final QueryBatch.Sender sender =
      new QueryBatch.Sender() {
        @Override
        public List<String> queue(List<Query> queries) {
          List<String> ids = new ArrayList<>();
          for (Query q : queries) {
            if (q.localId().startsWith("nobody")) {
              ids.add(null);
              continue;
            }
            String id = "L" + sent.size();
            sent.add(id);
            // q-slow never gets an answer; the others are answered at once
            results.put(
                id,
                new QueryResult(
                    id,
                    q.localId(),
                    q.procedure(),
                    q.provider(),
                    q.item().code(),
                    q.localId().equals("q-slow") ? "SENT" : "ANSWERED",
                    q.localId().equals("q-slow") ? null : "PROVIDED",
                    answerDocument(),
                    null));
            ids.add(id);
          }
          return ids;
        }

        @Override
        public Map<String, QueryResult> results(List<String> ids) {
          Map<String, QueryResult> m = new HashMap<>();
          ids.forEach(id -> m.put(id, results.get(id)));
          return m;
        }

        @Override
        public void pause() {
          clock.addAndGet(Duration.ofSeconds(1).toNanos());
        }
      };

  /** {"freshness":{"status":"FRESH"},"data":{"taxYear":2026}} */
  private static ObjectNode answerDocument() {
    ObjectNode doc = new ObjectMapper().createObjectNode();
    doc.putObject("freshness").put("status", "FRESH");
    doc.putObject("data").put("taxYear", 2026);
    return doc;
  }

  private List<CSVRecord> run(Path file, QuerySummary[] summary) throws Exception {
    StringWriter out = new StringWriter();
    try (QueryFile queries = QueryFile.open(file, LayoutCatalog.loadFromClasspath(), AGENCIES);
        ResultsFile results = new ResultsFile(out)) {
      summary[0] =
          new QueryBatch(
                  sender, new PrintWriter(new StringWriter()), 6, clock::get, Duration.ofSeconds(5))
              .run(queries, results);
    }
    return CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
  }

  @Test
  void everyRowGetsAResultLineInFileOrderAndBadRowsNeverStopTheRun() throws Exception {
    Path file =
        write(
            dir,
            "q.csv",
            "localId,procedure,provider,item,edition",
            "q-1,pension-benefit-eligibility,muni-131016,local-tax-info,2026-04",
            "nobody-1,pension-benefit-eligibility,muni-131016,local-tax-info,2026-04",
            "q-3,pension-benefit-eligibility,muni-131016,local-tax,2026-04",
            "q-4,,muni-131016,local-tax-info,2026-04",
            "q-5,pension-benefit-eligibility,muni-999999,local-tax-info,1999-01",
            "q-6,pension-benefit-eligibility,muni-131016");
    QuerySummary[] summary = new QuerySummary[1];
    List<CSVRecord> lines = run(file, summary);
    assertEquals(ResultsFile.COLUMNS, lines.get(0).toList());
    assertEquals(
        List.of(
            "2", "q-1", "L0", "ANSWERED", "PROVIDED", "FRESH", "", "", "{\"taxYear\":2026}", ""),
        lines.get(1).toList());
    assertEquals(
        List.of("3", "nobody-1", "", "REJECTED", "", "", "localId", "UNKNOWN_PERSON"),
        lines.get(2).toList().subList(0, 8));
    assertEquals(List.of("item", "UNKNOWN_ITEM"), lines.get(3).toList().subList(6, 8));
    assertEquals(List.of("procedure", "REQUIRED"), lines.get(4).toList().subList(6, 8));
    assertEquals(List.of("provider", "UNKNOWN_AGENCY"), lines.get(5).toList().subList(6, 8));
    assertTrue(lines.get(5).get(9).contains("edition UNKNOWN_EDITION"), lines.get(5).get(9));
    assertEquals(List.of("", "CELL_COUNT"), lines.get(6).toList().subList(6, 8));
    assertEquals(7, lines.size());
    assertEquals(List.of("L0"), sent, "only the good row was sent");
    assertEquals(new QuerySummary(6, 5, Map.of("ANSWERED", 1L), 0), summary[0]);
    assertEquals(1, summary[0].exitCode());
  }

  @Test
  void aQueryWithoutAFinalResultByTheTimeoutIsWrittenAsSent() throws Exception {
    Path file =
        write(
            dir,
            "q.csv",
            "edition,item,provider,procedure,localId",
            "2026-04,local-tax-info,muni-131016,pension-benefit-eligibility,q-slow",
            "2026-04,local-tax-info,muni-131016,pension-benefit-eligibility,q-2");
    QuerySummary[] summary = new QuerySummary[1];
    List<CSVRecord> lines = run(file, summary);
    assertEquals(List.of("2", "q-slow", "L0", "SENT"), lines.get(1).toList().subList(0, 4));
    assertTrue(lines.get(1).get(9).startsWith("no final result within 5 s"), lines.get(1).get(9));
    assertEquals("ANSWERED", lines.get(2).get(3));
    assertEquals(new QuerySummary(2, 0, Map.of("ANSWERED", 1L), 1), summary[0]);
    assertTrue(clock.get() >= Duration.ofSeconds(5).toNanos(), "it waited up to the timeout");
  }

  @Test
  void aFileWithoutAQueryColumnIsRefused() throws Exception {
    Path file =
        write(dir, "q.csv", "localId,procedure,provider,item", "q-1,p,muni-131016,local-tax-info");
    String message =
        assertThrows(
                BatchInputException.class,
                () -> QueryFile.open(file, LayoutCatalog.loadFromClasspath(), AGENCIES))
            .getMessage();
    assertTrue(message.contains("no column edition"), message);
  }
}
