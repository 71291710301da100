package jp.linkage.hub.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.server.batch.BatchInputException;
import jp.linkage.hub.server.batch.ReplicaImport;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub batch replicas}: imports a replica file (副本登録 by file) into the intermediate server's
 * database. Exit 0: every row applied, unchanged or superseded; 1: some rows rejected (see the
 * report); 2: the file or the database could not be used (nothing, or only whole committed chunks,
 * applied; re-running is safe).
 */
@Command(
    name = "replicas",
    mixinStandardHelpOptions = true,
    description =
        "Import a replica file (CSV, see docs/batch-files.md) for one agency; rejected rows go to the report.")
final class BatchReplicasCommand implements Callable<Integer> {
  @Option(
      names = "--agency",
      required = true,
      description = "The agency whose replica the file holds, e.g. hi-kenpo-06130001.")
  String agency;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "The replica file (UTF-8 CSV).")
  Path file;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Where to write rejected rows (CSV; default: FILE with .rejected.csv in place of .csv).")
  Path report;

  @Option(
      names = "--chunk",
      defaultValue = "" + ReplicaImport.DEFAULT_CHUNK,
      description = "Rows per transaction (default ${DEFAULT-VALUE}).")
  int chunk;

  @Option(
      names = "--replica-policies",
      paramLabel = "FILE",
      description =
          "The replica policies hub server runs with (deadlines, late alerts); default: the built-in ones.")
  Path replicaPolicies;

  @Mixin BatchDatabase database;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (chunk < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--chunk must be at least 1, was " + chunk);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LayoutValidator layouts = new LayoutValidator(LayoutCatalog.loadFromClasspath());
    Path reportFile = report != null ? report : defaultReport(file);
    try {
      BatchCommand.requireKnown(AgencyDirectory.loadFromClasspath(), agency);
      ReplicaPolicies policies = ReplicaPolicies.loadOrDefault(replicaPolicies);
      ReplicaImport.FileRun run =
          ReplicaImport.runFile(
              file,
              reportFile,
              agency,
              layouts,
              policies,
              chunk,
              () -> database.open(System.getenv()),
              err);
      out.println(
          "replicas "
              + run.header().item().code()
              + " "
              + run.header().item().edition()
              + " of "
              + agency
              + " from "
              + file
              + ": "
              + run.summary().line());
      out.println("rejected rows: " + reportFile);
      out.flush();
      return run.summary().exitCode();
    } catch (java.sql.SQLException e) {
      // chunks committed before the failure stay; registration is idempotent, so a re-run is safe
      err.println(
          "the database failed during the run: "
              + e.getMessage()
              + "; what was committed before stays, re-running the file is safe");
      err.flush();
      return 2;
    } catch (BatchInputException | ReplicaPolicies.PolicyFileException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
  }

  /** {@code a/b.csv} → {@code a/b.rejected.csv}. */
  static Path defaultReport(Path file) {
    String name = file.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return file.resolveSibling(stem + ".rejected.csv");
  }
}
