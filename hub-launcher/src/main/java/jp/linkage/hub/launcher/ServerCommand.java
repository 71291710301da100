package jp.linkage.hub.launcher;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub server}: one intermediate server (中間サーバー) process hosting every agency, plus the
 * resident registry link, until SIGTERM. It answers other agencies' queries from its replicas.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description =
        "Run the intermediate server (all agencies) and the registry link on the HUB_* Kafka and"
            + " PostgreSQL until stopped (SIGTERM).")
public final class ServerCommand implements Callable<Integer> {
  @Option(
      names = "--database",
      defaultValue = Hub.SERVER_DATABASE,
      description =
          "The server's database on the PostgreSQL server (default ${DEFAULT-VALUE}); created if missing.")
  String database;

  @Option(
      names = "--process-name",
      defaultValue = Hub.SERVER_PROCESS,
      description =
          "Kafka client id and consumer group (default ${DEFAULT-VALUE}); keep it across restarts.")
  String processName;

  @Option(
      names = "--persons",
      defaultValue = "12",
      description = "Synthetic residents (default ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--replica-policies",
      paramLabel = "FILE",
      description =
          "Replica policies (lag windows per item, answers while a change is pending) as JSON;"
              + " default: the built-in replica-policies.json (see docs/freshness.md).")
  java.nio.file.Path replicaPolicies;

  @Mixin SecretsOption secrets;

  @Mixin BulkOptions bulk;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException, IOException, InterruptedException {
    ReplicaPolicies policies;
    try {
      policies = ReplicaPolicies.loadOrDefault(replicaPolicies);
    } catch (ReplicaPolicies.PolicyFileException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    BulkSettings bulkSettings;
    try {
      bulkSettings = bulk.settings();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    DevSecrets keys = secrets.require(spec.commandLine(), System.getenv());
    ProcessLifetime.run(
        "server",
        (infra, agencies) -> {
          ServerStack stack =
              ServerStack.start(
                  infra,
                  database,
                  processName,
                  keys,
                  agencies,
                  persons,
                  Clock.systemUTC(),
                  policies,
                  bulkSettings);
          AutoCloseable metrics;
          try {
            metrics = bulk.serve(System.out);
          } catch (java.io.IOException e) {
            stack.close();
            throw e;
          }
          return () -> ProcessLifetime.closeAll(metrics, stack);
        },
        "database " + database);
    return 0;
  }
}
