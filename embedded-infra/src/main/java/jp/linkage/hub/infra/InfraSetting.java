package jp.linkage.hub.infra;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Environment variables that choose and configure the infrastructure; the only list of them. README
 * tables and docker files are generated from or checked against {@link #markdownTable()}.
 */
public enum InfraSetting {
  HUB_KAFKA_BOOTSTRAP_SERVERS(
      "",
      "Bootstrap servers of an external Kafka. Empty: start an embedded single-node KRaft broker."),
  HUB_JDBC_URL(
      "",
      "JDBC URL of an external PostgreSQL (any existing database, e.g. jdbc:postgresql://db:5432/postgres); "
          + "each component gets its own database on that server. Empty: start an embedded PostgreSQL."),
  HUB_JDBC_USER("postgres", "User for HUB_JDBC_URL; must be allowed to CREATE DATABASE."),
  HUB_JDBC_PASSWORD("", "Password for HUB_JDBC_USER."),
  HUB_JDBC_POOL_SIZE(
      String.valueOf(HubInfrastructure.DEFAULT_POOL_SIZE),
      "Maximum connections of each per-database pool."),
  HUB_BACKOFFICE_KAFKA(
      "",
      "Bootstrap servers of the Kafka that carries the back-office link (bo.<agency>.to-server / "
          + "from-server: the agencies' plaintext replica data, their side of the network). "
          + "Empty: the hub's Kafka (demo only)."),
  HUB_DATA_DIR(
      "",
      "Directory for the embedded servers' data (kafka/ and postgres/ below it), kept across restarts. "
          + "Empty: temp dirs deleted on shutdown.");

  private final String defaultValue;
  private final String doc;

  InfraSetting(String defaultValue, String doc) {
    this.defaultValue = defaultValue;
    this.doc = doc;
  }

  /** The environment variable name. */
  public String variable() {
    return name();
  }

  /** Default when unset or blank; empty means "not set" (e.g. use the embedded server). */
  public String defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  /** The non-blank value in {@code env}, if any. */
  public Optional<String> lookup(Map<String, String> env) {
    return Optional.ofNullable(env.get(name())).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The value in {@code env}, or the default. */
  public String valueOr(Map<String, String> env) {
    return lookup(env).orElse(defaultValue);
  }

  /** {@code | variable | default | meaning |} rows for the README. */
  public static String markdownTable() {
    return "| variable | default | meaning |\n|---|---|---|\n"
        + Arrays.stream(values())
            .map(
                s ->
                    "| `"
                        + s.name()
                        + "` | "
                        + (s.defaultValue.isEmpty() ? "(empty)" : "`" + s.defaultValue + "`")
                        + " | "
                        + s.doc
                        + " |")
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
