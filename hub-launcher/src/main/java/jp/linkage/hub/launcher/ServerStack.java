package jp.linkage.hub.launcher;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.InfraSetting;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.registry.RegistryLink;
import jp.linkage.hub.registry.ResidentRegistry;
import jp.linkage.hub.registry.SyntheticPopulation;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.ServerSetup;
import jp.linkage.hub.server.api.OutboxRelayException;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.tenant.Tenant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * One intermediate server process (中間サーバー) hosting every agency as a tenant, together with the
 * resident registry (住基ネット) stand-in its symbol requests go through. Credentials and the registry
 * key come from {@link DevSecrets}, so a restarted process is the same agencies.
 */
public final class ServerStack implements AutoCloseable {
  /**
   * Seed of the synthetic population: every process that uses the registry sees the same people.
   */
  public static final long POPULATION_SEED = 20261123L;

  private final ResidentRegistry registry;
  private final IntermediateServer server;
  private final Producer<String, byte[]> registryProducer;
  private final List<Tenant> tenants;
  private final CertificateDirectory directory;

  private ServerStack(
      ResidentRegistry registry,
      IntermediateServer server,
      Producer<String, byte[]> registryProducer,
      List<Tenant> tenants,
      CertificateDirectory directory) {
    this.registry = registry;
    this.server = server;
    this.registryProducer = registryProducer;
    this.tenants = List.copyOf(tenants);
    this.directory = directory;
  }

  /**
   * @param database the server's own database
   * @param processName names the Kafka consumer group; keep it stable across restarts
   */
  public static ServerStack start(
      HubInfrastructure infra,
      String database,
      String processName,
      DevSecrets secrets,
      AgencyDirectory agencies,
      int persons,
      Clock clock)
      throws SQLException, OutboxRelayException {
    return start(
        infra,
        database,
        processName,
        secrets,
        agencies,
        persons,
        clock,
        ReplicaPolicies.loadDefault());
  }

  /** As above, with the replica policies (lag windows, answers while a change is pending). */
  public static ServerStack start(
      HubInfrastructure infra,
      String database,
      String processName,
      DevSecrets secrets,
      AgencyDirectory agencies,
      int persons,
      Clock clock,
      ReplicaPolicies policies)
      throws SQLException, OutboxRelayException {
    return start(
        infra,
        database,
        processName,
        secrets,
        agencies,
        persons,
        clock,
        policies,
        BulkSettings.defaults());
  }

  /** As above, with how bulk queries are paced and where the server's metrics go. */
  public static ServerStack start(
      HubInfrastructure infra,
      String database,
      String processName,
      DevSecrets secrets,
      AgencyDirectory agencies,
      int persons,
      Clock clock,
      ReplicaPolicies policies,
      BulkSettings bulk)
      throws SQLException, OutboxRelayException {
    String kafka = infra.kafkaBootstrapServers();
    ResidentRegistry registry =
        new ResidentRegistry(
            SyntheticPopulation.generate(POPULATION_SEED, persons), secrets.registryKey());
    CertificateDirectory directory = secrets.certificateAuthority().newDirectory();
    List<Tenant> tenants = new ArrayList<>();
    for (String agency : agencies.codes()) {
      Tenant tenant = new Tenant(agency, secrets.credentials(agency));
      directory.register(tenant.credentials().certificates());
      tenants.add(tenant);
    }
    Producer<String, byte[]> registryProducer =
        new KafkaProducer<>(KafkaSettings.producer(kafka, "registry"));
    try {
      RegistryLink link = new RegistryLink(registry, registryProducer, new EnvelopeCodec(clock));
      IntermediateServer server =
          IntermediateServer.start(
              ServerSetup.builder()
                  .dataSource(infra.dataSource(database))
                  .kafkaBootstrap(kafka)
                  .processName(processName)
                  .tenants(tenants)
                  .directory(directory)
                  .layouts(new LayoutValidator(LayoutCatalog.loadFromClasspath()))
                  .registry(link::requestSymbol)
                  .clock(clock)
                  .policies(policies)
                  .bulkSettings(bulk)
                  .build());
      try {
        String backOffice = backOfficeKafka(System.getenv(), kafka);
        Topics.createTopics(backOffice, TopicLayout.backOfficeTopics(agencies.codes()), 1);
        server.startBackOfficeLink(backOffice);
      } catch (Exception e) {
        server.close();
        throw e;
      }
      return new ServerStack(registry, server, registryProducer, tenants, directory);
    } catch (Exception e) {
      registryProducer.close();
      throw e;
    }
  }

  /** The back-office link's Kafka: {@code HUB_BACKOFFICE_KAFKA}, else the hub's own (demo). */
  static String backOfficeKafka(java.util.Map<String, String> env, String hubKafka) {
    return InfraSetting.HUB_BACKOFFICE_KAFKA.lookup(env).orElse(hubKafka);
  }

  public ResidentRegistry registry() {
    return registry;
  }

  public IntermediateServer server() {
    return server;
  }

  /** The hosted agencies, with their keys. */
  public List<Tenant> tenants() {
    return tenants;
  }

  /** The certificates of every hosted agency, on the development trust anchor. */
  public CertificateDirectory directory() {
    return directory;
  }

  @Override
  public void close() {
    server.close();
    registryProducer.close();
  }
}
