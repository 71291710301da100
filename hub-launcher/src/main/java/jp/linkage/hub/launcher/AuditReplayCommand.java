package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
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
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Replay the core's event store into a fresh database through the provision-record"
            + " projection and compare rows and hash chain with the live ones. Exit 1 on any difference.")
final class AuditReplayCommand implements Callable<Integer> {
  @Mixin AuditSource source;

  @Option(
      names = "--replay-db",
      description = "Fresh database to replay into (default core_replay_<time>).")
  String replayDb;

  @Option(names = "--keep", description = "Keep the replay database afterwards (default: drop it).")
  boolean keep;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    String target =
        replayDb != null
            ? replayDb
            : "core_replay_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
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
      r.print(out);
      out.flush();
      return r.identical() ? 0 : 1;
    }
  }
}
