package jp.linkage.hub.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.linkage.hub.audit.ChainVerifier;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.registry.MyNumber;
import jp.linkage.hub.server.alerts.AlertForwarder;
import jp.linkage.hub.server.alerts.HubAlertReports;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.api.BulkQuery;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.BulkSubmissionException;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.ProvisionRecord;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.api.Tenant;
import jp.linkage.hub.server.backoffice.BackOfficeLink;
import jp.linkage.hub.server.backoffice.BackOfficeParts;
import jp.linkage.hub.server.bulk.BulkDispatcher;
import jp.linkage.hub.server.bulk.BulkResults;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.bulk.BulkSubmitter;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.outbox.OutboxRelay;
import jp.linkage.hub.server.query.CompletionHook;
import jp.linkage.hub.server.query.Completions;
import jp.linkage.hub.server.query.HubMessageHandler;
import jp.linkage.hub.server.query.QuerierSide;
import jp.linkage.hub.server.query.Queries;
import jp.linkage.hub.server.query.QueryFiler;
import jp.linkage.hub.server.records.AccessLog;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.ProvisionRecords;
import jp.linkage.hub.server.records.Rejections;
import jp.linkage.hub.server.replica.DeferredAnswers;
import jp.linkage.hub.server.replica.FreshnessMonitor;
import jp.linkage.hub.server.replica.ProviderSide;
import jp.linkage.hub.server.replica.ReplicaRegistrar;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * An intermediate server process (中間サーバー) hosting one or more agencies as tenants. The
 * back-office registers replica records and sends queries through this API; answers to other
 * agencies' queries are given automatically from the replica.
 */
public final class IntermediateServer implements AutoCloseable {
  /** The outbox is relayed at least this often even without traffic. */
  static final long RELAY_PERIOD_MS = 1_000;
  /** Overdue notices and held answers are checked at least this often. */
  static final long FRESHNESS_PERIOD_MS = 1_000;
  /** Bulk queries are dispatched, and overdue ones failed, at least this often. */
  static final long BULK_PERIOD_MS = 1_000;

  private final DataSource dataSource;
  private final Map<String, Tenant> tenants = new LinkedHashMap<>();
  private final LayoutValidator layouts;
  private final SymbolRequester registry;
  private final EnvelopeCodec codec;
  private final Producer<String, byte[]> producer;
  private final Outbox outbox;
  private final OutboxRelay relay;
  private final ReplicaRegistrar registrar;
  private final QueryFiler filer;
  private final FreshnessMonitor freshness;
  private final AlertForwarder hubAlerts;
  private final ExecutorService crypto;
  private final ConsumerLoop inbound;
  private final Clock clock;
  private final BulkSettings bulkSettings;
  private final BulkDispatcher bulk;
  private final BulkSubmitter submitter;
  private final Completions completions = new Completions();
  private final String processName;
  private volatile BackOfficeLink backOffice;

  private IntermediateServer(DataSource dataSource, String kafkaBootstrap, List<Tenant> tenants,
      CertificateDirectory directory, LayoutValidator layouts, SymbolRequester registry,
      String processName, Clock clock, ReplicaPolicies policies, BulkSettings bulkSettings) throws Exception {
    this.dataSource = dataSource;
    tenants.forEach(t -> this.tenants.put(t.agency(), t));
    this.layouts = layouts;
    this.registry = registry;
    this.clock = clock;
    this.processName = processName;
    this.codec = new EnvelopeCodec(clock);
    this.producer = new KafkaProducer<>(KafkaSettings.producer(kafkaBootstrap, processName));
    this.outbox = new Outbox(dataSource, producer, codec);
    outbox.relay(); // anything a crash left unsent
    this.relay = new OutboxRelay(outbox, RELAY_PERIOD_MS, processName + "-outbox-relay");
    this.filer = new QueryFiler(dataSource, clock);
    this.bulkSettings = bulkSettings;
    CompletionHook backOfficeReply = (c, done) -> {
      BackOfficeLink link = backOffice;
      if (link != null) {
        link.completed(c, done); // the query-completed row commits with the completion
      }
    };
    this.bulk = new BulkDispatcher(dataSource, codec, relay::signal, completions::announce, backOfficeReply, clock,
        bulkSettings, BULK_PERIOD_MS, processName + "-bulk");
    completions.track(bulk::completed); // the first to hear of a completion, before the inbound loop starts
    this.submitter = new BulkSubmitter(dataSource, bulk, clock);
    this.crypto = cryptoPool(processName + "-crypto-");
    PayloadProtector protector = new PayloadProtector();
    ProviderSide provider = new ProviderSide(codec, protector, directory, outbox, layouts, policies);
    this.registrar = new ReplicaRegistrar(dataSource, layouts, policies, BusinessCalendar.japaneseGovernment(), clock);
    this.freshness = new FreshnessMonitor(dataSource, this.tenants, provider, relay::signal, clock,
        FRESHNESS_PERIOD_MS, processName + "-freshness");
    this.hubAlerts = new AlertForwarder(dataSource, List.copyOf(this.tenants.keySet()), "is_hub_alert_sent",
        (c, alert) -> HubAlertReports.queue(c, codec, alert), relay::signal, FRESHNESS_PERIOD_MS,
        processName + "-hub-alerts");
    HubMessageHandler handler = new HubMessageHandler(dataSource, codec, this.tenants,
        provider, new QuerierSide(protector, directory), relay::signal, clock, completions::announce, crypto,
        backOfficeReply);
    List<String> topics = this.tenants.keySet().stream().map(TopicLayout::fromHub).toList();
    this.inbound = ConsumerLoop.start(KafkaSettings.consumer(kafkaBootstrap, processName),
        consumer -> consumer.subscribe(topics), handler, processName + "-inbound");
  }

  /**
   * Creates the schema if needed and starts serving the tenants.
   *
   * @param processName names the Kafka consumer group; keep it stable across restarts
   */
  public static IntermediateServer start(DataSource dataSource, String kafkaBootstrap,
      List<Tenant> tenants, CertificateDirectory directory, LayoutValidator layouts,
      SymbolRequester registry, String processName, Clock clock) throws Exception {
    return start(dataSource, kafkaBootstrap, tenants, directory, layouts, registry, processName, clock,
        ReplicaPolicies.loadDefault());
  }

  /**
   * As {@link #start(DataSource, String, List, CertificateDirectory, LayoutValidator, SymbolRequester,
   * String, Clock)}, with the replica policies (lag windows, answers while a change is pending).
   */
  public static IntermediateServer start(DataSource dataSource, String kafkaBootstrap,
      List<Tenant> tenants, CertificateDirectory directory, LayoutValidator layouts,
      SymbolRequester registry, String processName, Clock clock, ReplicaPolicies policies) throws Exception {
    return start(dataSource, kafkaBootstrap, tenants, directory, layouts, registry, processName, clock,
        policies, BulkSettings.defaults());
  }

  /** As above, with how bulk queries are paced and where the metrics go. */
  public static IntermediateServer start(DataSource dataSource, String kafkaBootstrap,
      List<Tenant> tenants, CertificateDirectory directory, LayoutValidator layouts,
      SymbolRequester registry, String processName, Clock clock, ReplicaPolicies policies,
      BulkSettings bulkSettings) throws Exception {
    ServerSchema.create(dataSource);
    return new IntermediateServer(dataSource, kafkaBootstrap, tenants, directory, layouts, registry,
        processName, clock, policies, bulkSettings);
  }

  /** Registers a master change in the replica after validating it against its layout (副本登録). */
  public Registration registerReplica(String agency, String item, String localId, String edition,
      JsonNode document, Instant masterChangedAt) throws Exception {
    return registerReplica(new ReplicaUpdate(agency, item, localId, edition, document, masterChangedAt));
  }

  /**
   * Registers a master change in the replica after validating it against its layout; an older change
   * than the replica holds is not applied (SUPERSEDED). Answers held back for this change go out.
   */
  public Registration registerReplica(ReplicaUpdate update) throws Exception {
    tenant(update.agency());
    Registration registration;
    try {
      registration = registrar.register(update);
    } catch (ReplicaRejectedException e) {
      Rejections.keep(dataSource, update.agency(), null, "replica " + update.item() + "@" + update.edition()
          + " of " + update.localId(), e);
      throw e;
    }
    freshness.signal();
    return registration;
  }

  /**
   * A change notice (異動通知): the master changed at {@code masterChangedAt}; the replica update
   * follows by the item's deadline. Until then answers about the person and item say so, and the
   * item's policy may hold them back or route them to the staff.
   */
  public NoticeReceipt noticeChange(String agency, String item, String localId, Instant masterChangedAt)
      throws Exception {
    tenant(agency);
    try {
      return registrar.notice(agency, item, localId, masterChangedAt);
    } catch (ReplicaRejectedException e) {
      Rejections.keep(dataSource, agency, null, "change notice " + item + " of " + localId, e);
      throw e;
    }
  }

  /** The agency's replica alerts with an id above {@code afterId}, oldest first. */
  public List<ReplicaAlert> alerts(String agency, long afterId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return ReplicaAlerts.list(c, agency, afterId, limit);
    }
  }

  /** How many of the agency's answers are held back now, waiting for a pending change. */
  public int heldAnswers(String agency) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return DeferredAnswers.count(c, agency);
    }
  }

  /** Asks the resident registry for the person's symbol; it arrives asynchronously. */
  public String requestSymbol(String agency, String localId, MyNumber myNumber) throws Exception {
    tenant(agency);
    String requestRef = UUID.randomUUID().toString();
    Jdbc.inTransaction(dataSource, c -> {
      PersonLinks.symbolRequested(c, agency, requestRef, localId, clock.instant());
      return null;
    });
    registry.requestSymbol(agency, requestRef, myNumber);
    return requestRef;
  }

  public boolean hasSymbol(String agency, String localId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return PersonLinks.symbolOf(c, agency, localId).isPresent();
    }
  }

  /** Sends a query (情報照会) and returns its linkage id; the result arrives asynchronously. */
  public String query(String agency, String localId, String procedure, String provider, String item,
      String edition) throws Exception {
    tenant(agency);
    String linkageId = filer.file(agency, localId, procedure, provider, item, edition);
    relay.signal(); // committed: the relay thread sends it, so callers never queue for Kafka
    return linkageId;
  }

  /**
   * Starts the back-office link (業務システム連携) of every hosted agency: reads {@code bo.<agency>.to-server}
   * and answers on {@code bo.<agency>.from-server} on the Kafka cluster at {@code backOfficeBootstrap}
   * (the agency's side; may be the hub's own in a demo). Closed with the server.
   */
  public synchronized void startBackOfficeLink(String backOfficeBootstrap) throws Exception {
    if (backOffice != null) {
      throw new IllegalStateException("the back-office link is already running");
    }
    BackOfficeParts parts = new BackOfficeParts(dataSource, codec, tenants.keySet(), registrar, outbox,
        relay::signal, freshness::signal, clock, filer::fileIn);
    backOffice = BackOfficeLink.start(parts, backOfficeBootstrap, processName);
  }

  /**
   * Submits a bulk of queries (一括照会) and returns the bulk's id once all are stored, queued with
   * their linkage ids fixed ({@value BulkSubmitter#BATCH} per transaction, so memory stays flat). They go
   * out in submission order, at most {@link BulkSettings#window} per provider in flight at once;
   * sending starts while later batches are still being stored. Interactive {@link #query} calls are
   * not queued behind a bulk. Every query ends ANSWERED, DENIED, REJECTED or FAILED (no symbol, or no
   * final answer within {@link BulkSettings#timeout}).
   *
   * @throws BulkSubmissionException when storing stopped part-way; what was stored is still sent
   */
  public String submitBulk(String agency, String name, Iterator<BulkQuery> queries)
      throws BulkSubmissionException {
    tenant(agency);
    return submitter.submit(agency, name, queries);
  }

  /** Where the bulk stands (queued, in flight, and each final state), or empty if unknown. */
  public Optional<BulkStatus> bulkStatus(String agency, String bulkId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return BulkResults.status(c, agency, bulkId);
    }
  }

  /**
   * Streams the bulk's results in submission order to {@code sink} (e.g. to write a results file)
   * through a database cursor, so memory stays flat; returns how many were streamed.
   */
  public long bulkResults(String agency, String bulkId, Consumer<QueryResult> sink) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return BulkResults.stream(c, agency, bulkId, sink);
    }
  }

  /** The bulk pacing in force, and the registry holding this server's metrics. */
  public BulkSettings bulkSettings() {
    return bulkSettings;
  }

  public Optional<QueryResult> result(String agency, String linkageId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Queries.find(c, agency, linkageId);
    }
  }

  public List<ProvisionRecord> provisionRecords(String agency) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return ProvisionRecords.list(c, agency);
    }
  }

  /** Verifies the agency's access-log chain on one snapshot, so concurrent appends cannot look like a break. */
  public ChainVerifier.Result verifyAccessLog(String agency) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return AccessLog.verify(c, agency);
    }
  }

  /**
   * Tells {@code listener} of every query of a hosted agency that completes from now on, after its
   * transaction committed. It runs on the inbound consumer thread: it must be quick and must not
   * block; what it throws is logged and otherwise ignored.
   */
  public void addCompletionListener(Consumer<QueryCompletion> listener) {
    completions.add(listener);
  }

  public void removeCompletionListener(Consumer<QueryCompletion> listener) {
    completions.remove(listener);
  }

  /** CMS seal and open are the inbound loop's main CPU cost: spread a batch's over the cores. */
  private static ExecutorService cryptoPool(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private Tenant tenant(String agency) {
    Tenant t = tenants.get(agency);
    if (t == null) {
      throw new IllegalArgumentException("agency " + agency + " is not hosted by this server");
    }
    return t;
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
