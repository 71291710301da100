package jp.linkage.hub.server.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.replica.ReplicaRegistrar;

/**
 * Imports a replica file: valid rows are registered in chunks, one transaction each ({@code
 * ReplicaRegistrar.registerAll}); rejected rows go to the report. Registration orders changes by
 * master time, so importing a file twice changes nothing the second time (UNCHANGED) and a row
 * older than the replica is not applied (SUPERSEDED). {@link #runFile} imports a file into the
 * intermediate server's database ({@code hub batch replicas}).
 */
public final class ReplicaImport {
  /**
   * Rows per transaction by default: large enough to amortise the commit, small enough to keep
   * locks short.
   */
  public static final int DEFAULT_CHUNK = 500;

  /** Registers updates in one transaction: {@code ReplicaRegistrar::registerAll}. */
  @FunctionalInterface
  public interface Registrar {
    List<Registration> registerAll(List<ReplicaUpdate> updates)
        throws SQLException, ReplicaRejectedException;
  }

  /** What {@link #runFile} did: the file's item and edition, and the summary. */
  public record FileRun(BatchFileHeader header, ImportSummary summary) {}

  private final String agency;
  private final Registrar registrar;
  private final RejectReport report;
  private final Progress progress;
  private final int chunkSize;
  private final List<ReplicaRow> chunk = new ArrayList<>();
  private long read;
  private long applied;
  private long unchanged;
  private long superseded;
  private long late;

  public ReplicaImport(
      String agency, Registrar registrar, RejectReport report, Progress progress, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, was " + chunkSize);
    }
    this.agency = agency;
    this.registrar = registrar;
    this.report = report;
    this.progress = progress;
    this.chunkSize = chunkSize;
  }

  /**
   * Imports the replica file {@code file} (UTF-8 CSV) of {@code agency} into the intermediate
   * server's database, {@code chunk} rows per transaction, as the running server registers them
   * (same layouts, same policies for deadlines and late alerts); rejected rows go to {@code
   * report}. The whole file is read before the database is opened, so a broken file applies
   * nothing. Warnings and progress go to {@code err}.
   */
  public static FileRun runFile(
      Path file,
      Path report,
      String agency,
      LayoutValidator layouts,
      ReplicaPolicies policies,
      int chunk,
      ServerDatabase database,
      PrintWriter err)
      throws BatchInputException, IOException, SQLException {
    try (ReplicaFile replicas = ReplicaFile.open(file, layouts)) {
      long total =
          CsvSource.countRows(file, true); // reads it all first: a broken file applies nothing
      replicas
          .unknownColumns()
          .forEach(
              c ->
                  err.println(
                      "warning: column "
                          + c
                          + " is not in layout "
                          + replicas.header().item().code()
                          + " "
                          + replicas.header().item().edition()
                          + "; rows with a value there are rejected"));
      ReplicaRegistrar registrar =
          new ReplicaRegistrar(
              database.open(),
              layouts,
              policies,
              BusinessCalendar.japaneseGovernment(),
              Clock.systemUTC());
      ImportSummary summary;
      try (RejectReport rejects = RejectReport.to(report)) {
        summary =
            new ReplicaImport(
                    agency,
                    registrar::registerAll,
                    rejects,
                    new Progress(err, "replicas", total, System::nanoTime),
                    chunk)
                .run(replicas);
      }
      return new FileRun(replicas.header(), summary);
    }
  }

  /** Reads every row of {@code file}, registers the valid ones and reports the others. */
  public ImportSummary run(ReplicaFile file) throws BatchInputException, IOException, SQLException {
    for (Optional<ReplicaRow> row = file.next(); row.isPresent(); row = file.next()) {
      read++;
      if (!row.get().valid()) {
        report.reject(row.get().problems());
        progress.advance(1);
        continue;
      }
      chunk.add(row.get());
      if (chunk.size() == chunkSize) {
        flush(file);
      }
    }
    flush(file);
    progress.finish();
    return new ImportSummary(read, applied, unchanged, superseded, report.rows(), late);
  }

  private void flush(ReplicaFile file) throws IOException, SQLException {
    if (chunk.isEmpty()) {
      return;
    }
    List<ReplicaUpdate> updates = chunk.stream().map(r -> update(file, r)).toList();
    try {
      registrar.registerAll(updates).forEach(this::count);
    } catch (ReplicaRejectedException e) {
      // a rule beyond the layout (e.g. a master time in the future) refused one row: find it, keep
      // the rest
      for (int i = 0; i < updates.size(); i++) {
        registerAlone(chunk.get(i), updates.get(i));
      }
    }
    progress.advance(chunk.size());
    chunk.clear();
  }

  private void registerAlone(ReplicaRow row, ReplicaUpdate update)
      throws IOException, SQLException {
    try {
      registrar.registerAll(List.of(update)).forEach(this::count);
    } catch (ReplicaRejectedException e) {
      report.reject(
          e.problems().stream()
              .map(
                  p ->
                      new RowProblem(
                          row.line(),
                          row.localId(),
                          p.field().startsWith("/") ? ReplicaFile.column(p.field()) : p.field(),
                          p.rule(),
                          p.message()))
              .toList());
    }
  }

  private ReplicaUpdate update(ReplicaFile file, ReplicaRow row) {
    return new ReplicaUpdate(
        agency, file.header().item(), row.localId(), row.document(), row.masterChangedAt());
  }

  private void count(Registration r) {
    switch (r.status()) {
      case APPLIED -> {
        applied++;
        late += r.late() ? 1 : 0;
      }
      case UNCHANGED -> unchanged++;
      case SUPERSEDED -> superseded++;
    }
  }
}
