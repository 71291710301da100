package jp.linkage.hub.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.registry.MyNumber;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.BulkSubmissionException;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.OutboxRelayException;
import jp.linkage.hub.server.api.ProvisionRecord;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.bulk.BulkResults;
import jp.linkage.hub.server.bulk.BulkSettings;
import jp.linkage.hub.server.bulk.BulkSubmitter;
import jp.linkage.hub.server.outbox.OutboxRelay;
import jp.linkage.hub.server.query.Completions;
import jp.linkage.hub.server.query.Queries;
import jp.linkage.hub.server.query.QueryFiler;
import jp.linkage.hub.server.records.AccessLog;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.ProvisionRecords;
import jp.linkage.hub.server.records.Rejections;
import jp.linkage.hub.server.replica.DeferredAnswers;
import jp.linkage.hub.server.replica.FreshnessMonitor;
import jp.linkage.hub.server.replica.ReplicaRegistrar;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.tenant.Tenant;

/**
 * An intermediate server process (中間サーバー) hosting one or more agencies as tenants. The back-office
 * registers replica records and sends queries through this API; answers to other agencies' queries
 * are given automatically from the replica. Started from a {@link ServerSetup}; {@link
 * ServerWiring} builds and closes its parts, this facade only serves its callers.
 */
public final class IntermediateServer implements AutoCloseable {
  private final ServerWiring wiring;
  private final DataSource dataSource;
  private final Map<String, Tenant> tenants;
  private final SymbolRequester registry;
  private final OutboxRelay relay;
  private final ReplicaRegistrar registrar;
  private final QueryFiler filer;
  private final FreshnessMonitor freshness;
  private final Clock clock;
  private final BulkSettings bulkSettings;
  private final BulkSubmitter submitter;
  private final Completions completions;

  private IntermediateServer(ServerWiring wiring) {
    this.wiring = wiring;
    this.dataSource = wiring.dataSource;
    this.tenants = wiring.tenants;
    this.registry = wiring.registry;
    this.relay = wiring.relay;
    this.registrar = wiring.registrar;
    this.filer = wiring.filer;
    this.freshness = wiring.freshness;
    this.clock = wiring.clock;
    this.bulkSettings = wiring.bulkSettings;
    this.submitter = wiring.submitter;
    this.completions = wiring.completions;
  }

  /** Creates the schema if needed and starts serving the tenants. */
  public static IntermediateServer start(ServerSetup setup)
      throws SQLException, OutboxRelayException {
    return new IntermediateServer(ServerWiring.start(setup));
  }

  /**
   * Registers a master change in the replica (副本登録) after validating it against its layout; an
   * older change than the replica holds is not applied (SUPERSEDED). Answers held back for this
   * change go out.
   */
  public Registration registerReplica(ReplicaUpdate update)
      throws SQLException, ReplicaRejectedException {
    tenant(update.agency());
    Registration registration;
    try {
      registration = registrar.register(update);
    } catch (ReplicaRejectedException e) {
      Rejections.keep(
          dataSource,
          update.agency(),
          null,
          "replica "
              + update.item().code()
              + "@"
              + update.item().edition()
              + " of "
              + update.localId(),
          e);
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
  public NoticeReceipt noticeChange(ChangeNotice notice)
      throws SQLException, ReplicaRejectedException {
    tenant(notice.agency());
    try {
      return registrar.notice(notice);
    } catch (ReplicaRejectedException e) {
      Rejections.keep(
          dataSource,
          notice.agency(),
          null,
          "change notice " + notice.item() + " of " + notice.localId(),
          e);
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
  public String requestSymbol(String agency, String localId, MyNumber myNumber)
      throws SQLException {
    tenant(agency);
    String requestRef = UUID.randomUUID().toString();
    Jdbc.inTransaction(
        dataSource,
        c -> {
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

  /**
   * Sends a query (情報照会) of {@code agency} and returns its linkage id; the result arrives
   * asynchronously.
   */
  public String query(String agency, Query query) throws SQLException, UnknownPersonException {
    tenant(agency);
    String linkageId = filer.file(agency, query);
    relay.signal(); // committed: the relay thread sends it, so callers never queue for Kafka
    return linkageId;
  }

  /**
   * Starts the back-office link (業務システム連携) of every hosted agency: reads {@code
   * bo.<agency>.to-server} and answers on {@code bo.<agency>.from-server} on the Kafka cluster at
   * {@code backOfficeBootstrap} (the agency's side; may be the hub's own in a demo). Closed with
   * the server.
   */
  public void startBackOfficeLink(String backOfficeBootstrap) throws SQLException {
    wiring.startBackOfficeLink(backOfficeBootstrap);
  }

  /**
   * Submits a bulk of queries (一括照会) and returns the bulk's id once all are stored, queued with
   * their linkage ids fixed ({@value BulkSubmitter#BATCH} per transaction, so memory stays flat).
   * They go out in submission order, at most {@link BulkSettings#window} per provider in flight at
   * once; sending starts while later batches are still being stored. Interactive {@link #query}
   * calls are not queued behind a bulk. Every query ends ANSWERED, DENIED, REJECTED or FAILED (no
   * symbol, or no final answer within {@link BulkSettings#timeout}).
   *
   * @throws BulkSubmissionException when storing stopped part-way; what was stored is still sent
   */
  public String submitBulk(String agency, String name, Iterator<Query> queries)
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
  public long bulkResults(String agency, String bulkId, Consumer<QueryResult> sink)
      throws SQLException {
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

  /**
   * Verifies the agency's access-log chain on one snapshot, so concurrent appends cannot look like
   * a break.
   */
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

  private Tenant tenant(String agency) {
    Tenant t = tenants.get(agency);
    if (t == null) {
      throw new IllegalArgumentException("agency " + agency + " is not hosted by this server");
    }
    return t;
  }

  @Override
  public void close() {
    wiring.close();
  }
}
