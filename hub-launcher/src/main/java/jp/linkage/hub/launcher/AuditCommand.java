package jp.linkage.hub.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub audit}: what an auditor runs against a hub's databases; see docs/audit.md. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Audit a hub from its own records: re-judge queries, replay the event log, verify hash chains.",
    subcommands = {AuditRejudgeCommand.class, AuditReplayCommand.class, AuditVerifyCommand.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: rejudge, replay or verify");
  }
}
