package jp.linkage.hub.launcher;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.core.CoreSystem;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.symbol.SymbolKeyring;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.registry.RegistryLink;
import jp.linkage.hub.registry.ResidentRegistry;
import jp.linkage.hub.registry.SyntheticPopulation;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.Tenant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The whole hub in one process: resident registry stand-in, core system, and one intermediate
 * server process hosting every agency as a tenant, on the given Kafka and PostgreSQL. The core and
 * the intermediate server use separate databases, as they would on separate machines.
 */
public final class Hub implements AutoCloseable {
  public static final String CORE_DATABASE = "core";
  public static final String SERVER_DATABASE = "intermediate";

  private final HubInfrastructure infra;
  private final ResidentRegistry registry;
  private final AgencyDirectory agencies;
  private final CoreSystem core;
  private final IntermediateServer server;
  private final Producer<String, byte[]> registryProducer;
  private final List<Tenant> tenants;
  private final CertificateDirectory directory;

  private Hub(HubInfrastructure infra, ResidentRegistry registry, AgencyDirectory agencies,
      CoreSystem core, IntermediateServer server, Producer<String, byte[]> registryProducer,
      List<Tenant> tenants, CertificateDirectory directory) {
    this.infra = infra;
    this.registry = registry;
    this.agencies = agencies;
    this.core = core;
    this.server = server;
    this.registryProducer = registryProducer;
    this.tenants = List.copyOf(tenants);
    this.directory = directory;
  }

  /**
   * Starts every component on {@code infra}, with a synthetic population of {@code persons}.
   * Keys are made fresh for this run (a development PKI and development symbol keys).
   */
  public static Hub start(HubInfrastructure infra, int persons, Clock clock) throws Exception {
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    String kafka = infra.kafkaBootstrapServers();
    Topics.createTopics(kafka, TopicLayout.allTopics(agencies.codes()), 1);

    SecureRandom random = new SecureRandom();
    ResidentRegistry registry = new ResidentRegistry(SyntheticPopulation.generate(20261123L, persons),
        randomBytes(random, 32));
    SymbolService symbols = new SymbolService(new SymbolKeyring(randomBytes(random, 32), 1));
    CoreSystem core = CoreSystem.start(infra.dataSource(CORE_DATABASE), kafka, symbols,
        PermissionTable.loadFromClasspath(), agencies, clock);

    DevCertificateAuthority ca = DevCertificateAuthority.create();
    CertificateDirectory directory = ca.newDirectory();
    List<Tenant> tenants = new ArrayList<>();
    for (String agency : agencies.codes()) {
      Tenant tenant = new Tenant(agency, ca.issue(agency));
      directory.register(tenant.credentials().certificates());
      tenants.add(tenant);
    }
    Producer<String, byte[]> registryProducer = new KafkaProducer<>(KafkaSettings.producer(kafka, "registry"));
    RegistryLink link = new RegistryLink(registry, registryProducer, new EnvelopeCodec(clock));
    IntermediateServer server = IntermediateServer.start(infra.dataSource(SERVER_DATABASE), kafka,
        tenants, directory, new LayoutValidator(LayoutCatalog.loadFromClasspath()), link::requestSymbol,
        "intermediate-server", clock);
    return new Hub(infra, registry, agencies, core, server, registryProducer, tenants, directory);
  }

  private static byte[] randomBytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  public HubInfrastructure infra() {
    return infra;
  }

  public ResidentRegistry registry() {
    return registry;
  }

  public AgencyDirectory agencies() {
    return agencies;
  }

  public CoreSystem core() {
    return core;
  }

  public IntermediateServer server() {
    return server;
  }

  /** The agencies hosted by the intermediate server, with their keys. */
  public List<Tenant> tenants() {
    return tenants;
  }

  public CertificateDirectory directory() {
    return directory;
  }

  @Override
  public void close() {
    server.close();
    core.close();
    registryProducer.close();
  }
}
