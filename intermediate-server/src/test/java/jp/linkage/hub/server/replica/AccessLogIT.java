package jp.linkage.hub.server.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.ServerSetup;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.records.AccessLog;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.tenant.Tenant;
import jp.linkage.hub.testing.SharedInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 7 on real PostgreSQL: every replica write (registerReplica) and every replica read of a
 * provider's answer, including a read that finds no record, is exactly one access-log entry in the
 * agency's chain; the chain verifies afterwards.
 */
class AccessLogIT {
  private static final String MUNI = "muni-131016";
  private static final String NENKIN = "nenkin";
  private static final String ITEM = "local-tax-info";
  private static final ItemRef LOCAL_TAX = new ItemRef(ITEM, "2026-04");
  private static DataSource db;
  private static IntermediateServer server;
  private static ProviderSide provider;
  private static Tenant muni;

  @BeforeAll
  static void start() throws Exception {
    HubInfrastructure infra = SharedInfrastructure.get();
    Topics.createTopics(
        infra.kafkaBootstrapServers(), TopicLayout.allTopics(List.of(MUNI, NENKIN)), 1);
    db = infra.dataSource("access_log_it");
    DevCertificateAuthority ca = DevCertificateAuthority.create();
    CertificateDirectory directory = ca.newDirectory();
    muni = new Tenant(MUNI, ca.issue(MUNI));
    Tenant nenkin = new Tenant(NENKIN, ca.issue(NENKIN));
    directory.register(muni.credentials().certificates());
    directory.register(nenkin.credentials().certificates());
    server =
        IntermediateServer.start(
            ServerSetup.builder()
                .dataSource(db)
                .kafkaBootstrap(infra.kafkaBootstrapServers())
                .processName("access-log-it")
                .tenants(List.of(muni, nenkin))
                .directory(directory)
                .layouts(new LayoutValidator(LayoutCatalog.loadFromClasspath()))
                .registry((agency, ref, number) -> {})
                .clock(Clock.systemUTC())
                .build());
    EnvelopeCodec codec = new EnvelopeCodec();
    provider =
        new ProviderSide(
            codec,
            new PayloadProtector(),
            directory,
            new Outbox(
                db, new MockProducer<>(), codec), // answers stay in the outbox: not under test
            new LayoutValidator(LayoutCatalog.loadFromClasspath()),
            jp.linkage.hub.server.freshness.ReplicaPolicies.loadDefault());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode localTax(long income) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("taxYear", 2026);
    o.put("levyingMunicipalityCode", "131016");
    o.put("taxationCategory", "1");
    o.put("totalIncome", income);
    o.put("taxableIncome", income - 1_300_000L);
    o.put("incomeLevy", (income - 1_300_000L) / 10);
    o.put("perCapitaLevy", 5_000);
    return o;
  }

  private static long entries() throws SQLException {
    return Sql.count(
        db, "SELECT count(*) FROM is_chain_entry WHERE chain = ?", AccessLog.chainOf(MUNI));
  }

  private static String lastEntry() throws SQLException {
    return Sql.value(
        db,
        "SELECT entry_type || ' ' || payload FROM is_chain_entry WHERE chain = ?"
            + " ORDER BY seq DESC LIMIT 1",
        AccessLog.chainOf(MUNI));
  }

  /** Links a fresh local id to a fresh symbol at the provider and returns the symbol. */
  private static String linkedPerson(String localId) throws Exception {
    String symbol = "sym-" + UUID.randomUUID();
    Jdbc.inTransaction(
        db,
        c -> {
          PersonLinks.link(c, MUNI, localId, new Symbol(symbol));
          return null;
        });
    return symbol;
  }

  private static void answer(String symbol, String linkageId) throws Exception {
    Jdbc.inTransaction(
        db,
        c -> {
          provider.answer(
              c,
              muni,
              new ProvisionRequest(
                  linkageId, NENKIN, "pension-benefit-eligibility", ITEM, symbol, "2026-04"),
              Instant.now());
          return null;
        });
  }

  @Test
  void everyRegisterReplicaIsOneWriteEntry() throws Exception {
    String localId = "C" + UUID.randomUUID();
    long before = entries();
    server.registerReplica(
        new ReplicaUpdate(MUNI, LOCAL_TAX, localId, localTax(2_400_000), Instant.now()));
    assertEquals(before + 1, entries());
    assertTrue(lastEntry().startsWith("WRITE "), lastEntry());
    assertTrue(lastEntry().contains(localId), lastEntry());
    server.registerReplica(
        new ReplicaUpdate(MUNI, LOCAL_TAX, localId, localTax(2_580_000), Instant.now())); // again
    assertEquals(before + 2, entries());
    assertTrue(server.verifyAccessLog(MUNI).intact());
  }

  @Test
  void aRejectedRegistrationTouchesNoReplicaAndLogsNothing() throws Exception {
    long before = entries();
    ObjectNode bad = localTax(2_400_000);
    bad.remove("taxYear");
    assertThrows(
        ReplicaRejectedException.class,
        () ->
            server.registerReplica(
                new ReplicaUpdate(MUNI, LOCAL_TAX, "C-bad", bad, Instant.now())));
    assertEquals(before, entries());
  }

  @Test
  void anAnswerFromTheReplicaIsOneReadEntryNamingTheLinkage() throws Exception {
    String localId = "C" + UUID.randomUUID();
    server.registerReplica(
        new ReplicaUpdate(MUNI, LOCAL_TAX, localId, localTax(2_400_000), Instant.now()));
    String symbol = linkedPerson(localId);
    String linkageId = UUID.randomUUID().toString();
    long before = entries();
    answer(symbol, linkageId);
    assertEquals(before + 1, entries());
    assertTrue(lastEntry().startsWith("READ "), lastEntry());
    assertTrue(lastEntry().contains(linkageId) && lastEntry().contains(localId), lastEntry());
    assertEquals("PROVIDED", outcome(linkageId));
    assertTrue(server.verifyAccessLog(MUNI).intact());
  }

  @Test
  void aReadThatFindsNoRecordIsLoggedToo() throws Exception {
    String localId = "C" + UUID.randomUUID();
    String symbol = linkedPerson(localId); // known person, no replica record of the item
    String linkageId = UUID.randomUUID().toString();
    long before = entries();
    answer(symbol, linkageId);
    assertEquals(before + 1, entries());
    assertTrue(lastEntry().contains(linkageId), lastEntry());
    assertEquals("NO_RECORD", outcome(linkageId));
  }

  @Test
  void anUnknownSymbolReadsNoReplicaAndSoLogsNoAccess() throws Exception {
    String linkageId = UUID.randomUUID().toString();
    long before = entries();
    answer("sym-nobody-" + UUID.randomUUID(), linkageId);
    assertEquals(before, entries());
    assertEquals("UNKNOWN_PERSON", outcome(linkageId));
  }

  @Test
  void aStoredRecordThatNoLongerFitsItsLayoutIsNotProvided() throws Exception {
    String localId = "C" + UUID.randomUUID();
    server.registerReplica(
        new ReplicaUpdate(MUNI, LOCAL_TAX, localId, localTax(2_400_000), Instant.now()));
    // as if the layout had changed since: taxationCategory holds a code the layout does not define
    Jdbc.inTransaction(
        db,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE is_replica SET document ="
                      + " jsonb_set(document::jsonb, '{taxationCategory}', '\"9\"')::text WHERE agency = ? AND local_id = ?")) {
            ps.setString(1, MUNI);
            ps.setString(2, localId);
            assertEquals(1, ps.executeUpdate());
          }
          return null;
        });
    String linkageId = UUID.randomUUID().toString();
    answer(linkedPerson(localId), linkageId);
    assertEquals("RECORD_INVALID", outcome(linkageId));
  }

  private static String outcome(String linkageId) throws SQLException {
    return server.provisionRecords(MUNI).stream()
        .filter(r -> r.linkageId().equals(linkageId))
        .findFirst()
        .orElseThrow()
        .outcome();
  }
}
