package jp.linkage.hub.launcher;

import java.time.Clock;
import java.util.concurrent.Callable;
import jp.linkage.hub.core.CoreSystem;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.infra.HubInfrastructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub core}: the core system (コアシステム) alone, as its own process, until SIGTERM. */
@Command(name = "core", mixinStandardHelpOptions = true,
    description = "Run the core system alone on the HUB_* Kafka and PostgreSQL until stopped (SIGTERM).")
public final class CoreCommand implements Callable<Integer> {
  @Option(names = "--database", defaultValue = Hub.CORE_DATABASE,
      description = "The core's database on the PostgreSQL server (default ${DEFAULT-VALUE}); created if missing.")
  String database;

  @Mixin
  SecretsOption secrets;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DevSecrets keys = secrets.require(spec.commandLine(), System.getenv());
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    HubInfrastructure infra = HubInfrastructure.fromEnvironment();
    CoreSystem core;
    try {
      Hub.createTopics(infra, agencies);
      core = Hub.startCore(infra, database, keys, agencies, Clock.systemUTC());
    } catch (Exception e) {
      infra.close();
      throw e;
    }
    System.out.println("core ready: database " + database + ", Kafka " + infra.kafkaBootstrapServers());
    System.out.flush();
    ProcessLifetime.serveUntilStopped("core", System.out, core, infra);
    return 0;
  }
}
