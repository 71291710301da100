package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.replay.RejudgeReport;
import jp.linkage.hub.audit.replay.Rejudger;
import jp.linkage.hub.audit.replay.Verdict;
import jp.linkage.hub.audit.replay.Verdict.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hub audit rejudge}: re-judges every recorded decision from the event log alone. */
@Command(name = "rejudge", mixinStandardHelpOptions = true,
    description = "Re-judge every authorised and denied query from the core's event log alone"
        + " (permission table editions and agency types as logged). Exit 1 on any disagreement.")
final class AuditRejudgeCommand implements Callable<Integer> {
  @Mixin
  AuditSource source;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RejudgeReport report;
    try (AuditDatabases dbs = source.open()) {
      out.println("Re-judging the event log of " + dbs.url(source.coreDb) + " (read only)");
      report = Rejudger.rejudge(dbs.readOnly(source.coreDb));
    }
    out.println("Permission table editions in the log (sha256 of the edition's file):");
    report.tables().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> out.println("  " + e.getKey() + "  " + e.getValue()));
    out.println("Agencies in the log: " + new java.util.TreeMap<>(report.agencies()));
    out.printf("Decisions: %d agree, %d disagree, %d not table decisions%n", report.of(Kind.AGREES).size(),
        report.of(Kind.DISAGREES).size(), report.of(Kind.NOT_TABLE_DECISION).size());
    for (Verdict v : report.of(Kind.NOT_TABLE_DECISION)) {
      out.println("  not a table decision: " + v.linkageId() + "  " + v.recorded());
    }
    for (Verdict v : report.of(Kind.DISAGREES)) {
      out.println("  DISAGREES: " + v.linkageId() + "  recorded " + v.recorded() + "  re-judged " + v.rejudged());
    }
    out.println(report.allAgree()
        ? "AGREE: every table decision in the log is what the logged table gives."
        : "DISAGREE: the decisions above are not what the logged table gives.");
    out.flush();
    return report.allAgree() ? 0 : 1;
  }
}
