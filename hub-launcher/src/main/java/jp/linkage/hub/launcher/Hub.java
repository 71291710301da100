package jp.linkage.hub.launcher;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import jp.linkage.hub.core.CoreSystem;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.symbol.SymbolKeyring;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.registry.ResidentRegistry;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.OutboxRelayException;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.tenant.Tenant;

/**
 * The whole hub in one process: resident registry stand-in, core system, and one intermediate
 * server process hosting every agency as a tenant, on the given Kafka and PostgreSQL. The core and
 * the intermediate server use separate databases, as they would on separate machines.
 */
public final class Hub implements AutoCloseable {
  public static final String CORE_DATABASE = "core";
  public static final String SERVER_DATABASE = "intermediate";
  public static final String SERVER_PROCESS = "intermediate-server";

  private final HubInfrastructure infra;
  private final AgencyDirectory agencies;
  private final CoreSystem core;
  private final ServerStack server;

  private Hub(
      HubInfrastructure infra, AgencyDirectory agencies, CoreSystem core, ServerStack server) {
    this.infra = infra;
    this.agencies = agencies;
    this.core = core;
    this.server = server;
  }

  /**
   * Starts every component on {@code infra}, with a synthetic population of {@code persons}. Keys
   * are kept in {@code $HUB_DATA_DIR/secrets} when HUB_DATA_DIR is set, else made fresh for this
   * run.
   */
  public static Hub start(HubInfrastructure infra, int persons, Clock clock)
      throws SQLException, OutboxRelayException {
    return start(infra, DevSecrets.fromEnvironment(System.getenv()), persons, clock);
  }

  /** Starts every component on {@code infra} with the given keys and development PKI. */
  public static Hub start(HubInfrastructure infra, DevSecrets secrets, int persons, Clock clock)
      throws SQLException, OutboxRelayException {
    return start(infra, secrets, persons, clock, BulkSettings.defaults());
  }

  /** As above, with how bulk queries are paced and where the intermediate server's metrics go. */
  public static Hub start(
      HubInfrastructure infra, DevSecrets secrets, int persons, Clock clock, BulkSettings bulk)
      throws SQLException, OutboxRelayException {
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    createTopics(infra, agencies);
    CoreSystem core = startCore(infra, CORE_DATABASE, secrets, agencies, clock);
    try {
      ServerStack server =
          ServerStack.start(
              infra,
              SERVER_DATABASE,
              SERVER_PROCESS,
              secrets,
              agencies,
              persons,
              clock,
              ReplicaPolicies.loadDefault(),
              bulk);
      return new Hub(infra, agencies, core, server);
    } catch (Exception e) {
      core.close();
      throw e;
    }
  }

  /** Creates every agency's topic pair and the registry topic if missing (idempotent). */
  public static void createTopics(HubInfrastructure infra, AgencyDirectory agencies) {
    Topics.createTopics(infra.kafkaBootstrapServers(), TopicLayout.allTopics(agencies.codes()), 1);
  }

  /** The core system on its own {@code database}, with the symbol master key of {@code secrets}. */
  public static CoreSystem startCore(
      HubInfrastructure infra,
      String database,
      DevSecrets secrets,
      AgencyDirectory agencies,
      Clock clock)
      throws SQLException {
    SymbolService symbols = new SymbolService(new SymbolKeyring(secrets.symbolMasterKey(), 1));
    return CoreSystem.start(
        infra.dataSource(database),
        infra.kafkaBootstrapServers(),
        symbols,
        PermissionTable.loadFromClasspath(),
        agencies,
        clock);
  }

  public HubInfrastructure infra() {
    return infra;
  }

  public ResidentRegistry registry() {
    return server.registry();
  }

  public AgencyDirectory agencies() {
    return agencies;
  }

  public CoreSystem core() {
    return core;
  }

  public IntermediateServer server() {
    return server.server();
  }

  /** The agencies hosted by the intermediate server, with their keys. */
  public List<Tenant> tenants() {
    return server.tenants();
  }

  public CertificateDirectory directory() {
    return server.directory();
  }

  @Override
  public void close() {
    server.close();
    core.close();
  }
}
