package jp.linkage.hub.server;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.server.alerts.AlertForwarder;
import jp.linkage.hub.server.alerts.HubAlertReports;
import jp.linkage.hub.server.api.OutboxRelayException;
import jp.linkage.hub.server.backoffice.BackOfficeLink;
import jp.linkage.hub.server.backoffice.BackOfficeParts;
import jp.linkage.hub.server.bulk.BulkDispatcher;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.bulk.BulkSubmitter;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.outbox.OutboxRelay;
import jp.linkage.hub.server.query.CompletionHook;
import jp.linkage.hub.server.query.Completions;
import jp.linkage.hub.server.query.HubMessageHandler;
import jp.linkage.hub.server.query.QuerierSide;
import jp.linkage.hub.server.query.QueryFiler;
import jp.linkage.hub.server.replica.FreshnessMonitor;
import jp.linkage.hub.server.replica.ProviderSide;
import jp.linkage.hub.server.replica.ReplicaRegistrar;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.server.tenant.Tenant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Builds the parts of an intermediate server process from its {@link ServerSetup} and closes them,
 * each in the order that matters: the outbox relays once (what a crash left unsent) before its
 * relay thread starts; the bulk dispatcher hears of completions first, set before the inbound loop
 * starts; the inbound loop starts last; and the back-office link closes after the relay, whose
 * producer relays its {@code bo.*} rows. Threads are named after the process ({@code
 * <process>-outbox-relay}, {@code -bulk}, {@code -crypto-N}, {@code -freshness}, {@code
 * -hub-alerts}, {@code -inbound}). The facade ({@link IntermediateServer}) only uses what is built
 * here.
 */
final class ServerWiring implements AutoCloseable {
  /** The outbox is relayed at least this often even without traffic. */
  static final long RELAY_PERIOD_MS = 1_000;

  /** Overdue notices and held answers are checked at least this often. */
  static final long FRESHNESS_PERIOD_MS = 1_000;

  /** Bulk queries are dispatched, and overdue ones failed, at least this often. */
  static final long BULK_PERIOD_MS = 1_000;

  final DataSource dataSource;
  final Map<String, Tenant> tenants = new LinkedHashMap<>();
  final SymbolRequester registry;
  final Clock clock;
  final BulkSettings bulkSettings;
  final OutboxRelay relay;
  final ReplicaRegistrar registrar;
  final QueryFiler filer;
  final FreshnessMonitor freshness;
  final BulkSubmitter submitter;
  final Completions completions = new Completions();
  private final String processName;
  private final EnvelopeCodec codec;
  private final Producer<String, byte[]> producer;
  private final Outbox outbox;
  private final AlertForwarder hubAlerts;
  private final ExecutorService crypto;
  private final ConsumerLoop inbound;
  private final BulkDispatcher bulk;
  private volatile BackOfficeLink backOffice;

  private ServerWiring(ServerSetup setup) throws SQLException, OutboxRelayException {
    DataSource dataSource = setup.dataSource();
    String kafkaBootstrap = setup.kafkaBootstrap();
    String processName = setup.processName();
    Clock clock = setup.clock();
    this.dataSource = dataSource;
    setup.tenants().forEach(t -> this.tenants.put(t.agency(), t));
    this.registry = setup.registry();
    this.clock = clock;
    this.processName = processName;
    this.codec = new EnvelopeCodec(clock);
    this.producer = new KafkaProducer<>(KafkaSettings.producer(kafkaBootstrap, processName));
    this.outbox = new Outbox(dataSource, producer, codec);
    outbox.relay(); // anything a crash left unsent
    this.relay = new OutboxRelay(outbox, RELAY_PERIOD_MS, processName + "-outbox-relay");
    this.filer = new QueryFiler(dataSource, clock);
    this.bulkSettings = setup.bulkSettings();
    CompletionHook backOfficeReply =
        (c, done) -> {
          BackOfficeLink link = backOffice;
          if (link != null) {
            link.completed(c, done); // the query-completed row commits with the completion
          }
        };
    this.bulk =
        new BulkDispatcher(
            dataSource,
            codec,
            relay::signal,
            completions::announce,
            backOfficeReply,
            clock,
            bulkSettings,
            BULK_PERIOD_MS,
            processName + "-bulk");
    completions.track(
        bulk::completed); // the first to hear of a completion, before the inbound loop starts
    this.submitter = new BulkSubmitter(dataSource, bulk, clock);
    this.crypto = cryptoPool(processName + "-crypto-");
    PayloadProtector protector = new PayloadProtector();
    ProviderSide provider =
        new ProviderSide(
            codec, protector, setup.directory(), outbox, setup.layouts(), setup.policies());
    this.registrar =
        new ReplicaRegistrar(
            dataSource,
            setup.layouts(),
            setup.policies(),
            BusinessCalendar.japaneseGovernment(),
            clock);
    this.freshness =
        new FreshnessMonitor(
            dataSource,
            this.tenants,
            provider,
            relay::signal,
            clock,
            FRESHNESS_PERIOD_MS,
            processName + "-freshness");
    this.hubAlerts =
        new AlertForwarder(
            dataSource,
            List.copyOf(this.tenants.keySet()),
            "is_hub_alert_sent",
            (c, alert) -> HubAlertReports.queue(c, codec, alert),
            relay::signal,
            FRESHNESS_PERIOD_MS,
            processName + "-hub-alerts");
    HubMessageHandler handler =
        new HubMessageHandler(
            dataSource,
            codec,
            this.tenants,
            provider,
            new QuerierSide(protector, setup.directory()),
            relay::signal,
            clock,
            completions::announce,
            crypto,
            backOfficeReply);
    List<String> topics = this.tenants.keySet().stream().map(TopicLayout::fromHub).toList();
    this.inbound =
        ConsumerLoop.start(
            KafkaSettings.consumer(kafkaBootstrap, processName),
            consumer -> consumer.subscribe(topics),
            handler,
            processName + "-inbound");
  }

  /** Creates the schema if needed and starts every part of the process. */
  static ServerWiring start(ServerSetup setup) throws SQLException, OutboxRelayException {
    ServerSchema.create(setup.dataSource());
    return new ServerWiring(setup);
  }

  /** See {@link IntermediateServer#startBackOfficeLink}. */
  synchronized void startBackOfficeLink(String backOfficeBootstrap) throws SQLException {
    if (backOffice != null) {
      throw new IllegalStateException("the back-office link is already running");
    }
    BackOfficeParts parts =
        new BackOfficeParts(
            dataSource,
            codec,
            tenants.keySet(),
            registrar,
            outbox,
            relay::signal,
            freshness::signal,
            clock,
            filer::fileIn);
    backOffice = BackOfficeLink.start(parts, backOfficeBootstrap, processName);
  }

  /** CMS seal and open are the inbound loop's main CPU cost: spread a batch's over the cores. */
  private static ExecutorService cryptoPool(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, prefix + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void close() {
    inbound.close();
    freshness.close();
    hubAlerts.close();
    bulk.close();
    relay.close();
    BackOfficeLink link = backOffice;
    if (link != null) {
      link.close(); // after the relay: its producer relays the bo.* rows
    }
    crypto.shutdown();
    producer.close();
  }
}
