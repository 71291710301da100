package jp.linkage.hub.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.linkage.hub.infra.HubInfrastructure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hub's command line: {@code demo} runs the whole hub and its scenario in one process; {@code
 * core} and {@code server} run one component each, as separate processes sharing Kafka, PostgreSQL
 * and the development secrets under HUB_DATA_DIR.
 */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    version = "linkage-hub 0.1.0",
    description = "Information linkage hub (情報提供ネットワークシステム model).",
    subcommands = {
      HubCommand.Demo.class,
      CoreCommand.class,
      ServerCommand.class,
      AuditCommand.class,
      CatalogueCommand.class,
      LayoutDiffCommand.class,
      CoverageCommand.class,
      CalendarCommand.class,
      SpecsCommand.class,
      BatchCommand.class,
      MonitorCommand.class,
      MonitorUserCommand.class,
      PkiCommand.class
    })
public final class HubCommand implements Runnable {
  public static void main(String[] args) {
    // Japanese names must print as such whatever the locale (LANG=C would turn them into '?')
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    CommandLine commandLine = new CommandLine(new HubCommand());
    commandLine.setOut(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    commandLine.setErr(
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true));
    System.exit(commandLine.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Starts Kafka, PostgreSQL and every component, runs the scenario and prints a summary. */
  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "Start the hub on embedded (or HUB_* configured) Kafka and PostgreSQL and run the demo.")
  static final class Demo implements Callable<Integer> {
    @Option(
        names = "--persons",
        defaultValue = "12",
        description = "Synthetic residents (default ${DEFAULT-VALUE}).")
    int persons;

    @Option(
        names = "--serve",
        description = "Keep running after the demo so you can send your own messages.")
    boolean serve;

    @picocli.CommandLine.Mixin BulkOptions bulk;

    @picocli.CommandLine.Mixin MonitorOptions monitor;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
        throws SQLException, IOException, InterruptedException, DemoFailedException {
      if (serve) {
        monitor.rules(spec.commandLine()); // a bad monitoring option fails before anything starts
        monitor.users(spec.commandLine());
      }
      try (HubInfrastructure infra = HubInfrastructure.fromEnvironment();
          Hub hub =
              Hub.start(
                  infra,
                  DevSecrets.fromEnvironment(System.getenv()),
                  persons,
                  Clock.systemUTC(),
                  bulk.settings());
          BulkOptions.Serving metrics = bulk.serve(System.out)) {
        DemoPrinter.print(new DemoScenario(hub).run(), System.out);
        if (serve) {
          try (jp.linkage.hub.audit.monitor.web.MonitorWeb web =
              monitor.start(
                  spec.commandLine(),
                  infra.dataSource(Hub.CORE_DATABASE),
                  infra.dataSource(Hub.CORE_DATABASE))) {
            System.out.println();
            System.out.println(
                "Serving. Kafka: "
                    + infra.kafkaBootstrapServers()
                    + "  core DB: "
                    + infra.jdbcUrl(Hub.CORE_DATABASE)
                    + "  (Ctrl-C to stop)");
            System.out.println("Monitoring pages (PPC): " + web.uri());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
          }
        }
      }
      return 0;
    }
  }
}
