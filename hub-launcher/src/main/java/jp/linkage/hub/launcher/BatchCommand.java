package jp.linkage.hub.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub batch}: batch files (ファイル連携) for agencies without live linkage; see docs/batch-files.md. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = "Batch files for agencies without live linkage: import replica records, send a file of queries.",
    subcommands = {BatchReplicasCommand.class, BatchQueriesCommand.class, BatchTemplateCommand.class})
final class BatchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: replicas, queries or template");
  }
}
