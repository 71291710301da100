package jp.linkage.hub.server.batch;

import static jp.linkage.hub.server.batch.BatchFiles.LAYOUTS;
import static jp.linkage.hub.server.batch.BatchFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import loop against an in-memory registrar that orders by master time as the real one does:
 * chunking, the summary, the report's lines, and a row refused by a rule beyond the layout.
 */
class ReplicaImportTest {
  private static final Instant NOW = Instant.parse("2026-06-02T00:00:00Z");

  @TempDir Path dir;

  /** Holds master times by local id; refuses future ones as ReplicaRegistrar does. */
  private final Map<String, Instant> held = new HashMap<>();

  private final List<Integer> transactions = new ArrayList<>();

  private List<Registration> registerAll(List<ReplicaUpdate> updates)
      throws ReplicaRejectedException {
    for (ReplicaUpdate u : updates) {
      if (u.masterChangedAt().isAfter(NOW)) {
        throw new ReplicaRejectedException(
            "masterChangedAt",
            "NOT_IN_FUTURE",
            "the master cannot have changed at " + u.masterChangedAt());
      }
    }
    transactions.add(updates.size());
    List<Registration> done = new ArrayList<>();
    for (ReplicaUpdate u : updates) {
      Instant h = held.get(u.localId());
      Registration.Status s =
          h == null || h.isBefore(u.masterChangedAt())
              ? Registration.Status.APPLIED
              : h.equals(u.masterChangedAt())
                  ? Registration.Status.UNCHANGED
                  : Registration.Status.SUPERSEDED;
      if (s == Registration.Status.APPLIED) {
        held.put(u.localId(), u.masterChangedAt());
      }
      done.add(new Registration(u, s, NOW, null, false));
    }
    return done;
  }

  private ImportSummary run(Path file, StringWriter report, int chunk) throws Exception {
    try (ReplicaFile replicas = ReplicaFile.open(file, LAYOUTS);
        RejectReport rejects = new RejectReport(report)) {
      return new ReplicaImport(
              "muni-131016",
              this::registerAll,
              rejects,
              new Progress(new PrintWriter(new StringWriter()), "replicas", 6, System::nanoTime),
              chunk)
          .run(replicas);
    }
  }

  @Test
  void goodRowsAreRegisteredInChunksAndBadOnesReportedWithLineFieldAndRule() throws Exception {
    Path file =
        write(
            dir,
            "tax.csv",
            "#item=local-tax-info;edition=2026-04",
            "localId,masterChangedAt,taxYear,levyingMunicipalityCode,taxationCategory,totalIncome",
            "t-1,2026-06-01T00:00:00Z,2026,131016,1,100",
            "t-2,2026-06-01T00:00:00Z,2026,131016,9,100",
            "t-3,2026-06-01T00:00:00Z,2026,131016,1,100",
            "t-4,2026-06-01T00:00:00Z,2026,131016,1,\"1,000\"",
            "t-5,2026-06-01T00:00:00Z,2026,131016,1,100",
            "t-1,2026-05-01T00:00:00Z,2026,131016,1,90");
    StringWriter report = new StringWriter();
    ImportSummary summary = run(file, report, 2);
    assertEquals(new ImportSummary(6, 3, 0, 1, 2, 0), summary);
    assertEquals(1, summary.exitCode());
    assertEquals(List.of(2, 2), transactions, "4 valid rows in chunks of 2");
    List<CSVRecord> lines =
        CSVFormat.RFC4180.parse(new StringReader(report.toString())).getRecords();
    assertEquals(RejectReport.COLUMNS, lines.get(0).toList());
    assertEquals(
        List.of("4", "t-2", "taxationCategory", "CODE_LIST"), lines.get(1).toList().subList(0, 4));
    assertEquals(List.of("6", "t-4", "totalIncome", "TYPE"), lines.get(2).toList().subList(0, 4));
    assertEquals(3, lines.size());

    transactions.clear();
    report.getBuffer().setLength(0);
    assertEquals(
        new ImportSummary(6, 0, 3, 1, 2, 0),
        run(file, report, 500),
        "a second import changes nothing");
    assertEquals(List.of(4), transactions);
  }

  @Test
  void aRowTheRegistrarRefusesIsReportedAndTheRestOfItsChunkStillApplied() throws Exception {
    Path file =
        write(
            dir,
            "tax.csv",
            "#item=local-tax-info;edition=2026-04",
            "localId,masterChangedAt,taxYear,levyingMunicipalityCode,taxationCategory",
            "t-1,2026-06-01T00:00:00Z,2026,131016,1",
            "t-2,2030-01-01T00:00:00Z,2026,131016,1",
            "t-3,2026-06-01T00:00:00Z,2026,131016,1");
    StringWriter report = new StringWriter();
    assertEquals(new ImportSummary(3, 2, 0, 0, 1, 0), run(file, report, 500));
    List<CSVRecord> lines =
        CSVFormat.RFC4180.parse(new StringReader(report.toString())).getRecords();
    assertEquals(
        List.of("4", "t-2", "masterChangedAt", "NOT_IN_FUTURE"),
        lines.get(1).toList().subList(0, 4));
  }
}
