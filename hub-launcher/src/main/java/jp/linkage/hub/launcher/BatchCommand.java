package jp.linkage.hub.launcher;

import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.server.batch.BatchInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hub batch}: batch files (ファイル連携) for agencies without live linkage; see
 * docs/batch-files.md.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description =
        "Batch files for agencies without live linkage: import replica records, send a file of queries.",
    subcommands = {
      BatchReplicasCommand.class,
      BatchQueriesCommand.class,
      BatchTemplateCommand.class
    })
final class BatchCommand implements Runnable {
  @Spec CommandSpec spec;

  /** The batch commands act for one agency of the directory; another is unusable input (exit 2). */
  static void requireKnown(AgencyDirectory agencies, String agency) throws BatchInputException {
    if (agencies.find(agency).isEmpty()) {
      throw new BatchInputException("unknown agency " + agency + "; known: " + agencies.codes());
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: replicas, queries or template");
  }
}
