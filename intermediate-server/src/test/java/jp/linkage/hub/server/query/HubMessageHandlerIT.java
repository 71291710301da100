package jp.linkage.hub.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.records.AccessLog;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.replica.ProviderSide;
import jp.linkage.hub.server.replica.ReplicaRecord;
import jp.linkage.hub.server.replica.ReplicaStore;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.server.tenant.Tenant;
import jp.linkage.hub.testing.SharedInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch handling of what the hub sends: a polled batch commits as one transaction, a record
 * whose payload cannot be read becomes a rejection without failing the batch, a second copy of an
 * envelope has no second effect, and a record whose handling fails makes the handler redo the batch
 * record by record, so the records before it still commit (as without batching).
 */
class HubMessageHandlerIT {
  private static final String MUNI = "muni-131016";
  private static final String NENKIN = "nenkin";
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();
  private static DataSource db;
  private static HubMessageHandler handler;
  private static final List<QueryCompletion> completions = new CopyOnWriteArrayList<>();
  private static final AtomicInteger relays = new AtomicInteger();
  private static long offset;

  @BeforeAll
  static void start() throws Exception {
    db = SharedInfrastructure.get().dataSource("hub_message_handler_it");
    ServerSchema.create(db);
    DevCertificateAuthority ca = DevCertificateAuthority.create();
    CertificateDirectory directory = ca.newDirectory();
    Tenant muni = new Tenant(MUNI, ca.issue(MUNI));
    Tenant nenkin = new Tenant(NENKIN, ca.issue(NENKIN));
    directory.register(muni.credentials().certificates());
    directory.register(nenkin.credentials().certificates());
    PayloadProtector protector = new PayloadProtector();
    Outbox outbox = new Outbox(db, new MockProducer<>(), CODEC);
    handler =
        new HubMessageHandler(
            db,
            CODEC,
            java.util.Map.of(MUNI, muni, NENKIN, nenkin),
            new ProviderSide(
                CODEC,
                protector,
                directory,
                outbox,
                new LayoutValidator(LayoutCatalog.loadFromClasspath()),
                jp.linkage.hub.server.freshness.ReplicaPolicies.loadDefault()),
            new QuerierSide(protector, directory),
            relays::incrementAndGet,
            Clock.systemUTC(),
            completions::add,
            java.util.concurrent.Executors.newFixedThreadPool(2));
  }

  private static String sentQuery() throws Exception {
    String linkageId = UUID.randomUUID().toString();
    Jdbc.inTransaction(
        db,
        c -> {
          Queries.sent(
              c,
              NENKIN,
              linkageId,
              new Query(
                  "P-1",
                  "pension-benefit-eligibility",
                  MUNI,
                  new ItemRef("local-tax-info", "2026-04")),
              Instant.now());
          return null;
        });
    return linkageId;
  }

  private static ConsumerRecord<String, byte[]> record(String agency, Envelope envelope) {
    return new ConsumerRecord<>(
        TopicLayout.fromHub(agency), 0, offset++, envelope.id(), CODEC.encode(envelope));
  }

  private static Envelope denied(String linkageId) {
    return CODEC.envelope(
        Envelope.HUB_SOURCE,
        MessageType.QUERY_DENIED,
        linkageId,
        new QueryDenied(linkageId, "NOT_PERMITTED", "no row", "v1"));
  }

  private static String status(String linkageId) throws SQLException {
    return single("SELECT status FROM is_query WHERE linkage_id = ?", linkageId);
  }

  /** The first value {@code sql} returns, or null when it returns no row. */
  private static String single(String sql, String arg) throws SQLException {
    List<String> values = Sql.column(db, sql, arg);
    return values.isEmpty() ? null : values.get(0);
  }

  @Test
  void aBatchCommitsTogetherAndAnUnreadablePayloadBecomesARejection() throws Exception {
    String q1 = sentQuery();
    String q2 = sentQuery();
    Envelope first = denied(q1);
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    Envelope unreadable = CODEC.envelope(Envelope.HUB_SOURCE, MessageType.QUERY_DENIED, "x", empty);
    List<ConsumerRecord<String, byte[]>> batch =
        List.of(
            record(NENKIN, first),
            record(NENKIN, unreadable),
            record(NENKIN, denied(q2)),
            record(NENKIN, first));
    completions.clear();
    int relaysBefore = relays.get();

    handler.handle(batch);

    assertEquals("DENIED", status(q1));
    assertEquals("DENIED", status(q2));
    assertEquals(
        List.of(q1, q2),
        completions.stream().map(QueryCompletion::linkageId).toList(),
        "each query announced once, the second copy of the first envelope not at all");
    assertTrue(
        single("SELECT rule FROM is_rejection WHERE message_id = ?", unreadable.id()) != null,
        "the unreadable record is kept as a rejection");
    assertEquals(relaysBefore + 1, relays.get(), "one relay request per committed batch");

    completions.clear();
    handler.handle(batch); // redelivered: the inbox drops every record
    assertEquals(List.of(), completions);
  }

  @Test
  void aFailingRecordMakesTheHandlerRedoTheBatchRecordByRecord() throws Exception {
    String before = sentQuery();
    String after = sentQuery();
    String localId = "C" + UUID.randomUUID();
    String symbol = "sym-" + UUID.randomUUID();
    Jdbc.inTransaction(
        db,
        c -> {
          PersonLinks.link(c, MUNI, localId, new Symbol(symbol));
          ObjectNode doc =
              JsonNodeFactory.instance
                  .objectNode()
                  .put("taxYear", 2026)
                  .put("levyingMunicipalityCode", "131016")
                  .put("taxationCategory", "1"); // valid: sealing is reached
          jp.linkage.hub.chain.ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
          ReplicaStore.write(
              c,
              accessLog,
              new ReplicaRecord(
                  MUNI,
                  new ItemRef("local-tax-info", "2026-04"),
                  localId,
                  doc,
                  Instant.now(),
                  Instant.now(),
                  null));
          accessLog.flush();
          return null;
        });
    // the querier has no certificate, so the answer cannot be sealed: handling it throws
    String poisonLinkage = UUID.randomUUID().toString();
    Envelope poison =
        CODEC.envelope(
            Envelope.HUB_SOURCE,
            MessageType.PROVISION_REQUESTED,
            poisonLinkage,
            new ProvisionRequest(
                poisonLinkage,
                "muni-271004",
                "nhi-eligibility",
                "local-tax-info",
                symbol,
                "2026-04"));
    List<ConsumerRecord<String, byte[]>> batch =
        new ArrayList<>(
            List.of(
                record(NENKIN, denied(before)),
                record(MUNI, poison),
                record(NENKIN, denied(after))));
    String accessLogBefore = accessLogEntries();

    assertThrows(Exception.class, () -> handler.handle(batch));

    assertEquals(
        "DENIED", status(before), "the record before the failing one committed on its own");
    assertEquals("SENT", status(after), "the record after it waits for the retried batch");
    assertEquals(accessLogBefore, accessLogEntries(), "the failed answer left no access-log entry");
    assertTrue(verifyAccessLog(), "the access log still verifies");
    handler.handle(List.of(batch.get(0), batch.get(2)));
    assertEquals("DENIED", status(after));
  }

  private static String accessLogEntries() throws SQLException {
    return single(
        "SELECT count(*)::text FROM is_chain_entry WHERE chain = ?", AccessLog.chainOf(MUNI));
  }

  private static boolean verifyAccessLog() throws SQLException {
    try (Connection c = db.getConnection()) {
      return jp.linkage.hub.chain.ChainVerifier.verify(c, "is", AccessLog.chainOf(MUNI)).intact();
    }
  }
}
