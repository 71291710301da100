package jp.linkage.hub.launcher;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub core}: the core system (コアシステム) alone, as its own process, until SIGTERM. */
@Command(
    name = "core",
    mixinStandardHelpOptions = true,
    description =
        "Run the core system alone on the HUB_* Kafka and PostgreSQL until stopped (SIGTERM).")
public final class CoreCommand implements Callable<Integer> {
  @Option(
      names = "--database",
      defaultValue = Hub.CORE_DATABASE,
      description =
          "The core's database on the PostgreSQL server (default ${DEFAULT-VALUE}); created if missing.")
  String database;

  @Mixin SecretsOption secrets;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException, InterruptedException {
    DevSecrets keys = secrets.require(spec.commandLine(), System.getenv());
    ProcessLifetime.run(
        "core",
        (infra, agencies) -> Hub.startCore(infra, database, keys, agencies, Clock.systemUTC()),
        "database " + database);
    return 0;
  }
}
