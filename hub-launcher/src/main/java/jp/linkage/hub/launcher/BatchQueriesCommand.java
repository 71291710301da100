package jp.linkage.hub.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.server.batch.BatchInputException;
import jp.linkage.hub.server.batch.QueryBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub batch queries}: queues a file of queries (情報照会) as one bulk (一括照会) of one agency in
 * the intermediate server's database; the running {@code hub server}'s bulk dispatcher finds the
 * queued rows on its period and sends them paced (at most its window in flight per provider), and
 * records the answers, which are then written to the results file. Exit 0: every row sent and
 * answered (any final status); 1: some rows rejected or without a final result within --timeout; 2:
 * the file or the database could not be used.
 */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description =
        "Queue a file of queries (CSV localId,procedure,provider,item,edition) as one bulk of one agency"
            + " and write their results; needs a running hub server on the same database, which sends them paced.")
final class BatchQueriesCommand implements Callable<Integer> {
  @Option(names = "--agency", required = true, description = "The querying agency, e.g. nenkin.")
  String agency;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "The query file (UTF-8 CSV).")
  Path file;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the results (CSV).")
  Path out;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      paramLabel = "SECONDS",
      description = "How long to wait for the last result (default ${DEFAULT-VALUE} s).")
  long timeoutSeconds;

  @Mixin BatchDatabase database;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (timeoutSeconds < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--timeout must not be negative");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    try {
      BatchCommand.requireKnown(agencies, agency);
      QueryBatch.FileRun run =
          QueryBatch.runFile(
              file,
              out,
              agency,
              new HashSet<>(agencies.codes()),
              () -> database.open(System.getenv()),
              err,
              Duration.ofSeconds(timeoutSeconds));
      stdout.println("queries of " + agency + " from " + file + ": " + run.summary().line());
      stdout.println("results: " + out + " (bulk " + run.bulkId() + ")");
      stdout.flush();
      return run.summary().exitCode();
    } catch (java.sql.SQLException e) {
      // queries queued before the failure stay queued and are answered; a re-run would ask them
      // again
      err.println(
          "the database failed during the run: "
              + e.getMessage()
              + "; queries queued before it are"
              + " still sent and answered (no results file was completed); re-running the file asks them again");
      err.flush();
      return 2;
    } catch (BatchInputException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
  }
}
