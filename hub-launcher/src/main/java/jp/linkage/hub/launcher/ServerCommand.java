package jp.linkage.hub.launcher;

import java.time.Clock;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.infra.HubInfrastructure;
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
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    HubInfrastructure infra = HubInfrastructure.fromEnvironment();
    ServerStack server;
    try {
      Hub.createTopics(infra, agencies);
      server = ServerStack.start(infra, database, processName, keys, agencies, persons, Clock.systemUTC());
    } catch (Exception e) {
      infra.close();
      throw e;
    }
    System.out.println("server ready: database " + database + ", agencies " + agencies.codes());
    System.out.flush();
    ProcessLifetime.serveUntilStopped("server", System.out, server, infra);
    return 0;
  }
}
