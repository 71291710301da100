package jp.linkage.hub.launcher;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.linkage.hub.audit.monitor.web.MonitorWeb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hub monitor}: the PPC's monitoring pages (監視・監督) over a running or stopped hub's core
 * database, read-only, until stopped. {@code hub demo --serve} serves the same pages itself.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description =
        "Serve the PPC's monitoring pages over the hub's core database (read-only) until stopped.")
final class MonitorCommand implements Callable<Integer> {
  @Mixin AuditSource source;

  @Mixin MonitorOptions monitor;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException, InterruptedException {
    CommandLine cli = spec.commandLine();
    monitor.rules(cli); // bad options before any database is opened
    monitor.users(cli);
    AuditDatabases dbs;
    try {
      dbs = source.open();
    } catch (AuditDatabases.AuditSetupException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
    try (dbs;
        MonitorWeb web =
            monitor.start(cli, dbs.readOnly(source.coreDb), dbs.writable(source.coreDb))) {
      cli.getOut()
          .println(
              "Monitoring pages: "
                  + web.uri()
                  + "  (core database "
                  + dbs.url(source.coreDb)
                  + ", read-only; "
                  + (monitor.users == null ? "no login, loopback only" : "login: " + monitor.users)
                  + "; Ctrl-C to stop)");
      cli.getOut().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }
}
