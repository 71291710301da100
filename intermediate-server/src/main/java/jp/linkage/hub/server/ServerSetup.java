package jp.linkage.hub.server;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.tenant.Tenant;

/**
 * What an intermediate server process starts with ({@link IntermediateServer#start}): its database,
 * the hub's Kafka, its name, the agencies it hosts and what it trusts and checks, built with {@link
 * #builder()}. The clock, the replica policies and the bulk settings have defaults.
 */
public final class ServerSetup {
  private final DataSource dataSource;
  private final String kafkaBootstrap;
  private final String processName;
  private final List<Tenant> tenants;
  private final CertificateDirectory directory;
  private final LayoutValidator layouts;
  private final SymbolRequester registry;
  private final Clock clock;
  private final ReplicaPolicies policies;
  private final BulkSettings bulkSettings;

  private ServerSetup(Builder b) {
    this.dataSource = Objects.requireNonNull(b.dataSource, "dataSource");
    this.kafkaBootstrap = Objects.requireNonNull(b.kafkaBootstrap, "kafkaBootstrap");
    this.processName = Objects.requireNonNull(b.processName, "processName");
    this.tenants = List.copyOf(Objects.requireNonNull(b.tenants, "tenants"));
    this.directory = Objects.requireNonNull(b.directory, "directory");
    this.layouts = Objects.requireNonNull(b.layouts, "layouts");
    this.registry = Objects.requireNonNull(b.registry, "registry");
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.policies = b.policies != null ? b.policies : ReplicaPolicies.loadDefault();
    this.bulkSettings = b.bulkSettings != null ? b.bulkSettings : BulkSettings.defaults();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's own database; its tables are created at start if needed. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The hub's Kafka cluster. */
  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  /** Names the Kafka consumer group and the process's threads; keep it stable across restarts. */
  public String processName() {
    return processName;
  }

  /** The hosted agencies, with their keys. */
  public List<Tenant> tenants() {
    return tenants;
  }

  /** The certificates answers are sealed for and checked against. */
  public CertificateDirectory directory() {
    return directory;
  }

  /** The data standard layouts replica records and answers are checked against. */
  public LayoutValidator layouts() {
    return layouts;
  }

  /** The line to the resident registry network that symbol requests go through. */
  public SymbolRequester registry() {
    return registry;
  }

  /** The system's UTC clock unless set. */
  public Clock clock() {
    return clock;
  }

  /** Lag windows and answers while a change is pending; the built-in policies unless set. */
  public ReplicaPolicies policies() {
    return policies;
  }

  /**
   * How bulk queries are paced and where the metrics go; {@link BulkSettings#defaults()} unless
   * set.
   */
  public BulkSettings bulkSettings() {
    return bulkSettings;
  }

  /** Builds a setup; every part without a default must be set. */
  public static final class Builder {
    private DataSource dataSource;
    private String kafkaBootstrap;
    private String processName;
    private List<Tenant> tenants;
    private CertificateDirectory directory;
    private LayoutValidator layouts;
    private SymbolRequester registry;
    private Clock clock;
    private ReplicaPolicies policies;
    private BulkSettings bulkSettings;

    private Builder() {}

    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    public Builder kafkaBootstrap(String kafkaBootstrap) {
      this.kafkaBootstrap = kafkaBootstrap;
      return this;
    }

    public Builder processName(String processName) {
      this.processName = processName;
      return this;
    }

    public Builder tenants(List<Tenant> tenants) {
      this.tenants = tenants;
      return this;
    }

    public Builder directory(CertificateDirectory directory) {
      this.directory = directory;
      return this;
    }

    public Builder layouts(LayoutValidator layouts) {
      this.layouts = layouts;
      return this;
    }

    public Builder registry(SymbolRequester registry) {
      this.registry = registry;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder policies(ReplicaPolicies policies) {
      this.policies = policies;
      return this;
    }

    public Builder bulkSettings(BulkSettings bulkSettings) {
      this.bulkSettings = bulkSettings;
      return this;
    }

    /**
     * @throws NullPointerException naming the first part without a default that was not set
     */
    public ServerSetup build() {
      return new ServerSetup(this);
    }
  }
}
