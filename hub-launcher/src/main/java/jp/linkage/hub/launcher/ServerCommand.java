package jp.linkage.hub.launcher;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub server}: one intermediate server (中間サーバー) process hosting every agency, plus the
 * resident registry link, until SIGTERM. It answers other agencies' queries from its replicas.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run the intermediate server (all agencies) and the registry link on the HUB_* Kafka and"
        + " PostgreSQL until stopped (SIGTERM).")
public final class ServerCommand implements Callable<Integer> {
  @Option(names = "--database", defaultValue = Hub.SERVER_DATABASE,
      description = "The server's database on the PostgreSQL server (default ${DEFAULT-VALUE}); created if missing.")
  String database;

  @Option(names = "--process-name", defaultValue = Hub.SERVER_PROCESS,
      description = "Kafka client id and consumer group (default ${DEFAULT-VALUE}); keep it across restarts.")
  String processName;

  @Option(names = "--persons", defaultValue = "12", description = "Synthetic residents (default ${DEFAULT-VALUE}).")
  int persons;

  @Mixin
  SecretsOption secrets;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DevSecrets keys = secrets.require(spec.commandLine(), System.getenv());
    ProcessLifetime.run("server", (infra, agencies) -> ServerStack.start(infra, database, processName, keys,
        agencies, persons, Clock.systemUTC()), "database " + database);
    return 0;
  }
}
