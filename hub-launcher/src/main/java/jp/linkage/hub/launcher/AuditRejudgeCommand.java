package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.replay.RejudgeReport;
import jp.linkage.hub.audit.replay.Rejudger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub audit rejudge}: re-judges every recorded decision from the event log alone. */
@Command(
    name = "rejudge",
    mixinStandardHelpOptions = true,
    description =
        "Re-judge every authorised and denied query from the core's event log alone"
            + " (permission table editions and agency types as logged). Exit 1 on any disagreement.")
final class AuditRejudgeCommand implements Callable<Integer> {
  @Mixin AuditSource source;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RejudgeReport report;
    try (AuditDatabases dbs = source.open()) {
      out.println("Re-judging the event log of " + dbs.url(source.coreDb) + " (read only)");
      report = Rejudger.rejudge(dbs.readOnly(source.coreDb));
    }
    report.print(out);
    out.flush();
    return report.allAgree() ? 0 : 1;
  }
}
