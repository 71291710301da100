package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import jp.linkage.hub.audit.ChainVerifier;
import jp.linkage.hub.audit.replay.ProvisionReplay;
import jp.linkage.hub.audit.replay.ReplayReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub audit replay}: re-derives the hub's provision records and their hash chain from the
 * event log in a fresh database and compares them with the live ones, row by row.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay the core's event store into a fresh database through the provision-record"
        + " projection and compare rows and hash chain with the live ones. Exit 1 on any difference.")
final class AuditReplayCommand implements Callable<Integer> {
  private static final int MAX_LISTED = 50;

  @Mixin
  AuditSource source;

  @Option(names = "--replay-db", description = "Fresh database to replay into (default core_replay_<time>).")
  String replayDb;

  @Option(names = "--keep", description = "Keep the replay database afterwards (default: drop it).")
  boolean keep;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String target = replayDb != null ? replayDb
        : "core_replay_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    try (AuditDatabases dbs = source.open()) {
      boolean created = dbs.create(target);
      ReplayReport r;
      try {
        DataSource core = dbs.readOnly(source.coreDb);
        out.println("Replaying " + dbs.url(source.coreDb) + " into " + dbs.url(target));
        r = ProvisionReplay.run(core, core, dbs.writable(target));
      } finally {
        if (created && !keep) {
          dbs.drop(target);
        }
      }
      out.printf("  events in the store:              %d%n", r.eventsRead());
      out.printf("  replayed (processed live):        %d%n", r.eventsReplayed());
      out.printf("  not yet processed live:           %d (not compared)%n", r.eventsNotYetLive());
      out.printf("  provision records re-derived:     %d%n", r.rows());
      out.printf("  chain entries re-derived:         %d%n", r.chainEntries());
      out.println("  live chain:                       " + describe(r.liveChain()));
      out.println("  re-derived chain:                 " + describe(r.replayedChain()));
      out.printf("  differences:                      %d%n", r.differences().size());
      r.differences().stream().limit(MAX_LISTED).forEach(d -> out.println("    " + d));
      if (r.differences().size() > MAX_LISTED) {
        out.println("    ... " + (r.differences().size() - MAX_LISTED) + " more");
      }
      out.println(r.identical()
          ? "IDENTICAL: the live provision records and their hash chain are exactly what the event log derives."
          : "DIFFERENT: the live provision records are not what the event log derives.");
      out.flush();
      return r.identical() ? 0 : 1;
    }
  }

  static String describe(ChainVerifier.Result r) {
    return r.chain() + ", " + r.entries() + " entries, " + (r.intact() ? "intact" : "BROKEN: " + r.firstBreak().get());
  }
}
