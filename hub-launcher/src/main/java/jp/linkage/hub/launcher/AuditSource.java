package jp.linkage.hub.launcher;

import picocli.CommandLine.Option;

/** Where the audited hub's databases are: options shared by the {@code audit} subcommands. */
final class AuditSource {
  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Any database on the hub's PostgreSQL server, e.g. jdbc:postgresql://localhost:5432/postgres."
              + " Default: HUB_JDBC_URL, else the embedded server under HUB_DATA_DIR (hub stopped).")
  String jdbcUrl;

  @Option(names = "--user", description = "Database user (default: HUB_JDBC_USER or postgres).")
  String user;

  @Option(names = "--password", description = "Database password (default: HUB_JDBC_PASSWORD).")
  String password;

  @Option(
      names = "--core-db",
      defaultValue = Hub.CORE_DATABASE,
      description = "The core's database (default ${DEFAULT-VALUE}).")
  String coreDb;

  @Option(
      names = "--server-db",
      defaultValue = Hub.SERVER_DATABASE,
      description = "The intermediate server's database (default ${DEFAULT-VALUE}).")
  String serverDb;

  AuditDatabases open() {
    return AuditDatabases.open(jdbcUrl, user, password, System.getenv());
  }
}
