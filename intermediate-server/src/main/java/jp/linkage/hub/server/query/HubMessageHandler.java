package jp.linkage.hub.server.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.kafka.RecordBatchHandler;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.replica.ProviderSide;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.server.tenant.Tenant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what the hub sends to the hosted agencies. A polled batch is handled in one transaction
 * (one commit, one access-log head update per agency) with an inbox row per record, so a
 * redelivered record (same envelope id) has no second effect. If that transaction fails, the batch
 * is redone one record per transaction, so one bad record cannot hold the others back any more than
 * it did before batching; a record the hub sent that we cannot read is kept as a rejection and
 * never fails the batch.
 */
public final class HubMessageHandler implements RecordBatchHandler {
  private static final Logger log = LoggerFactory.getLogger(HubMessageHandler.class);

  private final DataSource dataSource;
  private final EnvelopeCodec codec;
  private final Map<String, Tenant> tenants;
  private final ProviderSide provider;
  private final QuerierSide querier;
  private final Runnable relaySoon;
  private final Clock clock;
  private final Consumer<QueryCompletion> completed;

  private final ExecutorService crypto;
  private final CompletionHook inTransaction;

  /**
   * A decoded record of a hosted agency; {@code opening} is the answer being opened (decrypted and
   * verified) on the crypto pool, for an answer delivery, else null.
   */
  private record Item(Tenant tenant, Envelope envelope, Future<QuerierSide.Opening> opening) {}

  /** A provider's answer whose seal runs on the crypto pool while the batch goes on. */
  private record PendingAnswer(ProviderSide.Prepared prepared, Future<String> sealed) {}

  /**
   * @param relaySoon asked to relay the outbox after each committed batch
   * @param completed told of each query's completion after its transaction committed
   * @param crypto runs the CMS seals and opens of a batch in parallel (they touch no database)
   */
  HubMessageHandler(
      DataSource dataSource,
      EnvelopeCodec codec,
      Map<String, Tenant> tenants,
      ProviderSide provider,
      QuerierSide querier,
      Runnable relaySoon,
      Clock clock,
      Consumer<QueryCompletion> completed,
      ExecutorService crypto) {
    this(
        dataSource,
        codec,
        tenants,
        provider,
        querier,
        relaySoon,
        clock,
        completed,
        crypto,
        (c, d) -> {});
  }

  /**
   * @param inTransaction told of each completion in its transaction, before the commit
   */
  public HubMessageHandler(
      DataSource dataSource,
      EnvelopeCodec codec,
      Map<String, Tenant> tenants,
      ProviderSide provider,
      QuerierSide querier,
      Runnable relaySoon,
      Clock clock,
      Consumer<QueryCompletion> completed,
      ExecutorService crypto,
      CompletionHook inTransaction) {
    this.inTransaction = inTransaction;
    this.crypto = crypto;
    this.dataSource = dataSource;
    this.codec = codec;
    this.tenants = tenants;
    this.provider = provider;
    this.querier = querier;
    this.relaySoon = relaySoon;
    this.clock = clock;
    this.completed = completed;
  }

  /**
   * A failure of the database or of the crypto pool fails the batch: it is polled again, and what
   * had committed finds its inbox rows.
   */
  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch) throws BatchFailedException {
    List<Item> items = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> record : batch) {
      String agency =
          record.topic().substring("ipn.".length(), record.topic().length() - ".from-hub".length());
      Tenant tenant = tenants.get(agency);
      if (tenant == null) {
        continue;
      }
      try {
        Envelope envelope = codec.decode(record.value());
        items.add(new Item(tenant, envelope, openingOf(tenant, envelope)));
      } catch (MalformedMessageException e) {
        log.warn(
            "{}: unreadable record from the hub at {}@{}: {} ({})",
            agency,
            record.partition(),
            record.offset(),
            e.field(),
            e.rule());
      }
    }
    if (items.isEmpty()) {
      return;
    }
    try {
      handleItems(items);
    } catch (SQLException e) {
      throw new BatchFailedException("records from the hub could not be stored", e);
    }
  }

  private void handleItems(List<Item> items) throws SQLException, BatchFailedException {
    List<QueryCompletion> done;
    try {
      done = Jdbc.inTransaction(dataSource, c -> handle(c, items));
    } catch (Exception e) {
      if (items.size() == 1) {
        throw e;
      }
      log.warn(
          "batch of {} records from the hub failed in one transaction; redoing it record by"
              + " record: {}",
          items.size(),
          e.toString());
      done = new ArrayList<>();
      for (Item item : items) {
        done.addAll(Jdbc.inTransaction(dataSource, c -> handle(c, List.of(item))));
      }
    }
    done.forEach(completed);
    relaySoon.run();
  }

  /**
   * Handles the items in the caller's transaction; returns the completions to announce after
   * commit.
   */
  private List<QueryCompletion> handle(Connection c, List<Item> items)
      throws SQLException, BatchFailedException {
    boolean[] first = firstDeliveries(c, items);
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    List<QueryCompletion> done = new ArrayList<>();
    List<PendingAnswer> answers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!first[i]) {
        continue;
      }
      Tenant tenant = items.get(i).tenant();
      Envelope envelope = items.get(i).envelope();
      try {
        dispatch(c, accessLog, answers, items.get(i)).ifPresent(done::add);
      } catch (MalformedMessageException e) {
        // a hub message we cannot read must not block the ones behind it: keep it, go on
        querier
            .rejected(
                c,
                tenant.agency(),
                new Rejection(
                    envelope.id(),
                    envelope.type(),
                    e.field(),
                    e.rule(),
                    "message from the hub not accepted: " + e.getMessage()),
                clock.instant())
            .ifPresent(done::add);
      }
    }
    for (PendingAnswer answer : answers) {
      provider.finish(
          c, answer.prepared(), answer.sealed() == null ? null : await(answer.sealed()));
    }
    accessLog.flush();
    for (QueryCompletion completion : done) {
      inTransaction.completed(c, completion);
    }
    return done;
  }

  /**
   * Starts opening an answer delivery on the crypto pool; null for other types or an unreadable
   * payload.
   */
  private Future<QuerierSide.Opening> openingOf(Tenant tenant, Envelope envelope) {
    if (!MessageType.ANSWER_DELIVERED.wireName().equals(envelope.type())) {
      return null;
    }
    try {
      AnswerDelivery delivery = codec.payload(envelope, AnswerDelivery.class);
      return crypto.submit(() -> querier.open(tenant, delivery));
    } catch (MalformedMessageException e) {
      return null; // rejected when dispatched
    }
  }

  /**
   * The result of a seal or open on the crypto pool. What the task threw is rethrown as it is
   * (those tasks throw no checked exception). An error in the task, or an interrupt while waiting,
   * fails the batch; the interrupt flag is not restored, so the consumer loop retries the batch as
   * it always did.
   */
  private static <T> T await(Future<T> future) throws BatchFailedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new BatchFailedException("a seal or open on the crypto pool failed", e);
    } catch (InterruptedException e) {
      throw new BatchFailedException("interrupted while waiting for the crypto pool", e);
    }
  }

  /**
   * Inserts every item's inbox row in one round trip; true where the row is new. A second copy of
   * an envelope within the batch conflicts with the first, so it is not handled twice either.
   */
  private static boolean[] firstDeliveries(Connection c, List<Item> items) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_inbox (agency, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (Item item : items) {
        ps.setString(1, item.tenant().agency());
        ps.setString(2, item.envelope().id());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      boolean[] first = new boolean[counts.length];
      for (int i = 0; i < counts.length; i++) {
        first[i] = counts[i] == 1;
      }
      return first;
    }
  }

  private Optional<QueryCompletion> dispatch(
      Connection c, ChainAppender accessLog, List<PendingAnswer> answers, Item item)
      throws SQLException, MalformedMessageException, BatchFailedException {
    Tenant tenant = item.tenant();
    Envelope envelope = item.envelope();
    Instant now = clock.instant();
    MessageType type = MessageType.fromWireName(envelope.type()).orElseThrow();
    String agency = tenant.agency();
    switch (type) {
      case SYMBOL_ISSUED -> {
        SymbolIssued issued = codec.payload(envelope, SymbolIssued.class);
        querier.symbolIssued(c, agency, issued, now);
        return Optional.empty();
      }
      case PROVISION_REQUESTED -> {
        ProviderSide.Prepared prepared =
            provider.prepare(
                c, accessLog, tenant, codec.payload(envelope, ProvisionRequest.class), now, false);
        answers.add(
            new PendingAnswer(
                prepared,
                prepared.plain() == null ? null : crypto.submit(() -> provider.seal(prepared))));
        return Optional.empty();
      }
      case ANSWER_DELIVERED -> {
        AnswerDelivery delivery = codec.payload(envelope, AnswerDelivery.class);
        QuerierSide.Opening opening =
            item.opening() == null ? querier.open(tenant, delivery) : await(item.opening());
        return querier.delivered(c, tenant, delivery, opening, now);
      }
      case QUERY_DENIED -> {
        return querier.denied(c, agency, codec.payload(envelope, QueryDenied.class), now);
      }
      case MESSAGE_REJECTED -> {
        return querier.rejected(c, agency, codec.payload(envelope, Rejection.class), now);
      }
      default -> {
        log.warn("{}: unexpected {} from the hub", agency, type);
        return Optional.empty();
      }
    }
  }
}
