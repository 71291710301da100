package jp.linkage.hub.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import jp.linkage.hub.core.CoreSystem;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.testing.SharedInfrastructure;

/**
 * The core of a crash or restart test, in this JVM, on fresh crash databases: topics created,
 * development secrets under {@code work}, and the ledger that checks the outcome. Closing it closes
 * the core; the test closes infrastructure it started itself.
 */
final class CrashHub implements AutoCloseable {
  final HubInfrastructure infra;
  final DevSecrets secrets;
  final AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
  final CrashLedger ledger;
  private final CoreSystem core;

  private CrashHub(HubInfrastructure infra, Path work) throws Exception {
    this.infra = infra;
    CrashLedger.dropDatabases(infra, CrashLedger.CORE_DB, CrashLedger.SERVER_DB);
    this.secrets = DevSecrets.in(dataDir(work).resolve(DevSecrets.DIRECTORY));
    Hub.createTopics(infra, agencies);
    this.core = Hub.startCore(infra, CrashLedger.CORE_DB, secrets, agencies, Clock.systemUTC());
    this.ledger = new CrashLedger(infra);
  }

  static CrashHub start(HubInfrastructure infra, Path work) throws Exception {
    return new CrashHub(infra, work);
  }

  /**
   * A test's own broker with the shared PostgreSQL (the shared broker carries other tests'
   * traffic).
   */
  static HubInfrastructure onSharedPostgres(String kafkaBootstrap) {
    HubInfrastructure shared = SharedInfrastructure.get();
    return HubInfrastructure.from(
        Map.of(
            "HUB_KAFKA_BOOTSTRAP_SERVERS",
            kafkaBootstrap,
            "HUB_JDBC_URL",
            shared.jdbcUrl("postgres"),
            "HUB_JDBC_USER",
            shared.jdbcUser(),
            "HUB_JDBC_PASSWORD",
            shared.jdbcPassword()));
  }

  /** Where the test's processes keep their data ({@code HUB_DATA_DIR}). */
  static Path dataDir(Path work) {
    return work.resolve("data");
  }

  /** An in-process intermediate server with every agency on the crash database. */
  ServerStack server(String processName, int persons) throws Exception {
    return ServerStack.start(
        infra, CrashLedger.SERVER_DB, processName, secrets, agencies, persons, Clock.systemUTC());
  }

  @Override
  public void close() {
    core.close();
  }
}
