package jp.linkage.hub.server.replica;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.ReplicaAlertKind;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.ServerSetup;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.freshness.ItemPolicy;
import jp.linkage.hub.server.freshness.LagWindow;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.freshness.WhilePending;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.Json;
import jp.linkage.hub.server.tenant.Tenant;
import jp.linkage.hub.testing.SharedInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replica freshness at the provider's intermediate server, on real Kafka and PostgreSQL: provision
 * requests arrive on the provider's from-hub topic as the core sends them, and the sealed answers
 * are read back from the outbox and opened with the querier's key. Registration order, deadlines,
 * change notices and the three policies while a change is pending, overdue and late alerts, and
 * answers in the querier's layout edition during a transition.
 */
class FreshnessIT {
  private static final String INSURER = "hi-kenpo-06130001";
  private static final String MUNI = "muni-131016";
  private static final String ELIGIBILITY = "medical-insurance-eligibility";
  private static final String CARE = "long-term-care-insurance";
  private static final String EDITION = "2026-04";
  private static final ItemRef ELIGIBILITY_LAYOUT = new ItemRef(ELIGIBILITY, EDITION);
  private static final ItemRef CARE_LAYOUT = new ItemRef(CARE, EDITION);
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();
  private static final BusinessCalendar CALENDAR = BusinessCalendar.japaneseGovernment();

  /**
   * Eligibility: second business day; WARN by default, DEFER or MANUAL for two procedures. Care:
   * window 0, DEFER ≤ 300 ms.
   */
  private static final ReplicaPolicies POLICIES =
      new ReplicaPolicies(
          null,
          new ItemPolicy(new LagWindow.BusinessDays(2), WhilePending.WARN, null, null),
          Map.of(
              ELIGIBILITY,
              new ItemPolicy(
                  new LagWindow.BusinessDays(2),
                  WhilePending.WARN,
                  Duration.ofMinutes(10),
                  Map.of("hold", WhilePending.DEFER, "staff", WhilePending.MANUAL)),
              CARE,
              new ItemPolicy(
                  new LagWindow.Immediate(Duration.ZERO),
                  WhilePending.DEFER,
                  Duration.ofMillis(300),
                  null)));

  private static DataSource db;
  private static IntermediateServer server;
  private static Tenant muni;
  private static CertificateDirectory directory;
  private static Producer<String, byte[]> hub;

  /** A master change of the insurer's. */
  private static ReplicaUpdate insurers(
      ItemRef item, String localId, JsonNode document, Instant masterChangedAt) {
    return new ReplicaUpdate(INSURER, item, localId, document, masterChangedAt);
  }

  @BeforeAll
  static void start() throws Exception {
    HubInfrastructure infra = SharedInfrastructure.get();
    Topics.createTopics(
        infra.kafkaBootstrapServers(), TopicLayout.allTopics(List.of(INSURER, MUNI)), 1);
    db = infra.dataSource("freshness_it");
    DevCertificateAuthority ca = DevCertificateAuthority.create();
    directory = ca.newDirectory();
    Tenant insurer = new Tenant(INSURER, ca.issue(INSURER));
    muni = new Tenant(MUNI, ca.issue(MUNI));
    directory.register(insurer.credentials().certificates());
    directory.register(muni.credentials().certificates());
    server =
        IntermediateServer.start(
            ServerSetup.builder()
                .dataSource(db)
                .kafkaBootstrap(infra.kafkaBootstrapServers())
                .processName("freshness-it")
                .tenants(List.of(insurer))
                .directory(directory)
                .layouts(new LayoutValidator(LayoutCatalog.loadFromClasspath()))
                .registry((agency, ref, number) -> {})
                .clock(Clock.systemUTC())
                .policies(POLICIES)
                .build());
    hub =
        new KafkaProducer<>(
            KafkaSettings.producer(infra.kafkaBootstrapServers(), "freshness-it-hub"));
  }

  @AfterAll
  static void stop() {
    hub.close();
    server.close();
  }

  private static ObjectNode eligibility(String disqualified) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("insurerNumber", "06130001");
    o.put("insuranceType", "02");
    o.put("insuredNumber", "1234");
    o.put("insuredCategory", "1");
    o.put("qualificationDate", "2019-04-01");
    if (disqualified != null) {
      o.put("disqualificationDate", disqualified);
    }
    return o;
  }

  private static ObjectNode care(int stage) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("insurerNumber", "131016");
    o.put("insuredNumber", "0000012345");
    o.put("premiumStage", stage);
    o.put("copayRatio", "1");
    return o;
  }

  /** A person the insurer knows, with a fresh local id and symbol. */
  private static String[] person() throws Exception {
    String localId = "E" + UUID.randomUUID();
    String symbol = "sym-" + UUID.randomUUID();
    Jdbc.inTransaction(
        db,
        c -> {
          PersonLinks.link(c, INSURER, localId, new Symbol(symbol));
          return null;
        });
    return new String[] {localId, symbol};
  }

  /**
   * Sends what the core would send the insurer for the municipality's query; returns the linkage
   * id.
   */
  private static String ask(String symbol, String item, String procedure) throws Exception {
    return ask(symbol, item, procedure, EDITION);
  }

  private static String ask(String symbol, String item, String procedure, String edition)
      throws Exception {
    String linkageId = UUID.randomUUID().toString();
    Envelope e =
        CODEC.envelope(
            Envelope.HUB_SOURCE,
            MessageType.PROVISION_REQUESTED,
            linkageId,
            new ProvisionRequest(linkageId, MUNI, procedure, item, symbol, edition));
    hub.send(new ProducerRecord<>(TopicLayout.fromHub(INSURER), linkageId, CODEC.encode(e))).get();
    return linkageId;
  }

  private static Optional<ProvisionAnswer> answerInOutbox(String linkageId) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT value FROM is_outbox WHERE msg_key = ? AND topic = ?")) {
      ps.setString(1, linkageId);
      ps.setString(2, TopicLayout.toHub(INSURER));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(CODEC.payload(CODEC.decode(rs.getBytes(1)), ProvisionAnswer.class))
            : Optional.empty();
      }
    }
  }

  private static ProvisionAnswer awaitAnswer(String linkageId) {
    return await("answer to " + linkageId)
        .atMost(Duration.ofSeconds(30))
        .until(() -> answerInOutbox(linkageId), Optional::isPresent)
        .get();
  }

  /** The answer document the municipality would read. */
  private static JsonNode open(ProvisionAnswer answer) {
    byte[] plain =
        new PayloadProtector()
            .open(
                Base64.getDecoder().decode(answer.sealedPayload()),
                muni.credentials(),
                directory,
                INSURER)
            .content();
    return Json.read(new String(plain, StandardCharsets.UTF_8));
  }

  private static Instant deadline(Instant changed) {
    return CALENDAR.secondBusinessDayBeforeOpening(changed);
  }

  @Test
  void registrationsApplyInMasterOrderSoReimportsAndLateFilesChangeNothing() throws Exception {
    String localId = person()[0];
    Instant t1 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    Instant t0 = t1.minus(1, ChronoUnit.DAYS);
    Registration first =
        server.registerReplica(insurers(ELIGIBILITY_LAYOUT, localId, eligibility(null), t1));
    assertEquals(Registration.Status.APPLIED, first.status());
    assertEquals(deadline(t1), first.deadline());
    assertEquals(
        Registration.Status.UNCHANGED,
        server
            .registerReplica(insurers(ELIGIBILITY_LAYOUT, localId, eligibility(null), t1))
            .status());
    assertEquals(
        Registration.Status.SUPERSEDED,
        server
            .registerReplica(insurers(ELIGIBILITY_LAYOUT, localId, eligibility("2020-01-01"), t0))
            .status(),
        "an older change must not overwrite a newer one");
    assertEquals(
        Registration.Status.APPLIED,
        server
            .registerReplica(insurers(ELIGIBILITY_LAYOUT, localId, eligibility("2026-11-20"), t1))
            .status(),
        "same master time, other content: a correction is applied");
  }

  @Test
  void aRegistrationAfterItsDeadlineIsLateAndRaisesOneAlert() throws Exception {
    String localId = person()[0];
    Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
    Registration r =
        server.registerReplica(insurers(ELIGIBILITY_LAYOUT, localId, eligibility(null), longAgo));
    assertTrue(r.late());
    List<ReplicaAlert> alerts = alertsFor(localId);
    assertEquals(1, alerts.size());
    assertEquals(ReplicaAlert.LATE_REGISTRATION, alerts.get(0).kind());
    assertEquals(deadline(longAgo), alerts.get(0).deadline());
  }

  @Test
  void aChangeInTheFutureOrOfAnUnknownItemIsRefusedNamingFieldAndRule() throws Exception {
    ReplicaRejectedException future =
        assertThrows(
            ReplicaRejectedException.class,
            () ->
                server.registerReplica(
                    insurers(
                        ELIGIBILITY_LAYOUT,
                        "E-x",
                        eligibility(null),
                        Instant.now().plus(1, ChronoUnit.HOURS))));
    assertEquals(
        new ReplicaRejectedException.Problem(
            "masterChangedAt", "NOT_IN_FUTURE", future.problems().get(0).message()),
        future.problems().get(0));
    ReplicaRejectedException unknown =
        assertThrows(
            ReplicaRejectedException.class,
            () ->
                server.noticeChange(
                    new ChangeNotice(INSURER, "no-such-item", "E-x", Instant.now())));
    assertEquals("UNKNOWN_ITEM", unknown.problems().get(0).rule());
    assertTrue(
        keptRejections()
            .contains(
                "masterChangedAt NOT_IN_FUTURE replica medical-insurance-eligibility@2026-04 of E-x"),
        "kept for inspection: " + keptRejections());
    assertTrue(
        keptRejections().contains("item UNKNOWN_ITEM change notice no-such-item of E-x"),
        "kept: " + keptRejections());
  }

  private static List<String> keptRejections() throws Exception {
    return Sql.column(
            db,
            "SELECT field || ' ' || rule || ' ' || message FROM is_rejection WHERE agency = ? ORDER BY id",
            INSURER)
        .stream()
        .map(kept -> kept.substring(0, kept.indexOf(':')))
        .toList();
  }

  @Test
  void whilePendingWarnAnswersTheOldDataMarkedPendingThenFreshOnceRegistered() throws Exception {
    String[] p = person();
    Instant before = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    Instant left = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    server.registerReplica(insurers(ELIGIBILITY_LAYOUT, p[0], eligibility(null), before));
    NoticeReceipt notice = server.noticeChange(new ChangeNotice(INSURER, ELIGIBILITY, p[0], left));
    assertEquals(NoticeReceipt.Status.PENDING, notice.status());
    assertEquals(deadline(left), notice.deadline());

    JsonNode stale = open(awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility")));
    assertEquals("CHANGE_PENDING", stale.at("/freshness/status").asText());
    assertEquals(
        left, Instant.parse(stale.at("/freshness/pendingChange/masterChangedAt").asText()));
    assertEquals(
        deadline(left), Instant.parse(stale.at("/freshness/pendingChange/deadline").asText()));
    assertTrue(
        stale.at("/data/disqualificationDate").isMissingNode(), "the replica still says insured");

    server.registerReplica(insurers(ELIGIBILITY_LAYOUT, p[0], eligibility("2026-11-20"), left));
    JsonNode fresh = open(awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility")));
    assertEquals("FRESH", fresh.at("/freshness/status").asText());
    assertTrue(fresh.at("/freshness/pendingChange").isNull());
    assertEquals("2026-11-20", fresh.at("/data/disqualificationDate").asText());
    assertEquals(
        NoticeReceipt.Status.ALREADY_REGISTERED,
        server.noticeChange(new ChangeNotice(INSURER, ELIGIBILITY, p[0], left)).status(),
        "a late notice of a registered change");
  }

  @Test
  void whilePendingDeferHoldsTheAnswerUntilTheChangeIsRegistered() throws Exception {
    String[] p = person();
    Instant left = Instant.now().minus(1, ChronoUnit.MINUTES);
    server.registerReplica(
        insurers(ELIGIBILITY_LAYOUT, p[0], eligibility(null), left.minus(3, ChronoUnit.DAYS)));
    server.noticeChange(new ChangeNotice(INSURER, ELIGIBILITY, p[0], left));
    int heldBefore = server.heldAnswers(INSURER);
    String linkageId = ask(p[1], ELIGIBILITY, "hold");
    await("answer held")
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.heldAnswers(INSURER) == heldBefore + 1);
    assertEquals(Optional.empty(), answerInOutbox(linkageId), "held, not answered");

    server.registerReplica(insurers(ELIGIBILITY_LAYOUT, p[0], eligibility("2026-11-20"), left));
    JsonNode answer = open(awaitAnswer(linkageId));
    assertEquals("FRESH", answer.at("/freshness/status").asText());
    assertEquals("2026-11-20", answer.at("/data/disqualificationDate").asText());
  }

  @Test
  void aHeldAnswerGoesOutWithTheWarningWhenItsBoundPassesAndAnOverdueChangeRaisesAnAlert()
      throws Exception {
    String[] p = person();
    Instant changed = Instant.now().minus(10, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
    server.registerReplica(
        insurers(CARE_LAYOUT, p[0], care(3), changed.minus(40, ChronoUnit.DAYS)));
    server.noticeChange(
        new ChangeNotice(INSURER, CARE, p[0], changed)); // window 0: already past its deadline
    JsonNode answer = open(awaitAnswer(ask(p[1], CARE, "any-procedure")));
    assertEquals("CHANGE_OVERDUE", answer.at("/freshness/status").asText());
    assertEquals(3, answer.at("/data/premiumStage").asInt());
    await("overdue alert")
        .atMost(Duration.ofSeconds(30))
        .until(() -> alertsFor(p[0]).stream().anyMatch(a -> a.kind().equals(ReplicaAlert.OVERDUE)));
    List<ReplicaAlert> overdue =
        alertsFor(p[0]).stream().filter(a -> a.kind().equals(ReplicaAlert.OVERDUE)).toList();
    assertEquals(changed, overdue.get(0).masterChangedAt());
    assertEquals(changed, overdue.get(0).deadline(), "window 0");
    int alertsNow = alertsFor(p[0]).size();
    Jdbc.inTransaction(
        db, c -> ReplicaAlerts.raiseOverdue(c, Instant.now())); // as the next monitor round
    assertEquals(
        alertsNow, alertsFor(p[0]).size(), "raised once although the monitor runs every second");
    assertEquals(1, overdue.size());

    // reported to the hub for the monitoring views, once, naming the item and deadline but not the
    // person
    long alertId = overdue.get(0).id();
    await("reported to the hub")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !reportsToHub(alertId).isEmpty());
    List<Envelope> reports = reportsToHub(alertId);
    assertEquals(1, reports.size());
    ReplicaAlertReport report = CODEC.payload(reports.get(0), ReplicaAlertReport.class);
    assertEquals(ReplicaAlertKind.OVERDUE, report.kind());
    assertEquals(CARE, report.item());
    assertEquals(changed, report.deadline());
    String wire = new String(CODEC.encode(reports.get(0)), java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(wire.contains(p[0]) || wire.contains(p[1]), "no local id or symbol in " + wire);
  }

  /**
   * The replica-alert reports on the insurer's to-hub topic in the outbox for alert {@code
   * alertId}.
   */
  private static List<Envelope> reportsToHub(long alertId) throws Exception {
    List<Envelope> found = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT value FROM is_outbox WHERE topic = ? AND msg_key = ?")) {
      ps.setString(1, TopicLayout.toHub(INSURER));
      ps.setString(2, "alert-" + alertId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Envelope e = CODEC.decode(rs.getBytes(1));
          if (e.type().equals(MessageType.REPLICA_ALERT_REPORTED.wireName())) {
            found.add(e);
          }
        }
      }
    }
    return found;
  }

  @Test
  void whilePendingManualAnswersManualHandlingWithoutDataAndTellsTheStaff() throws Exception {
    String[] p = person();
    Instant left = Instant.now().minus(1, ChronoUnit.MINUTES);
    server.registerReplica(
        insurers(ELIGIBILITY_LAYOUT, p[0], eligibility(null), left.minus(3, ChronoUnit.DAYS)));
    server.noticeChange(new ChangeNotice(INSURER, ELIGIBILITY, p[0], left));
    String linkageId = ask(p[1], ELIGIBILITY, "staff");
    ProvisionAnswer answer = awaitAnswer(linkageId);
    assertEquals(ProvisionOutcome.MANUAL_HANDLING, answer.outcome());
    assertNull(answer.sealedPayload());
    ReplicaAlert alert = alertsFor(p[0]).get(0);
    assertEquals(ReplicaAlert.MANUAL_HANDLING, alert.kind());
    assertEquals(linkageId, alert.linkageId());
  }

  @Test
  void aNoticeForAPersonWithoutAReplicaYetAnswersNotYetRegistered() throws Exception {
    String[] p = person();
    server.noticeChange(
        new ChangeNotice(INSURER, ELIGIBILITY, p[0], Instant.now().minus(1, ChronoUnit.MINUTES)));
    assertEquals(
        ProvisionOutcome.NOT_YET_REGISTERED,
        awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility")).outcome());
    String[] q = person();
    assertEquals(
        ProvisionOutcome.NO_RECORD,
        awaitAnswer(ask(q[1], ELIGIBILITY, "nhi-eligibility")).outcome());
  }

  @Test
  void aQuerierOnTheOlderEditionGetsTheAnswerInItsEditionWhileTheLayoutsAllowIt() throws Exception {
    String[] p = person();
    ObjectNode current = eligibility(null).put("branchNumber", "01"); // a field new in 2026-04
    server.registerReplica(
        insurers(ELIGIBILITY_LAYOUT, p[0], current, Instant.now().minus(1, ChronoUnit.HOURS)));
    JsonNode old = open(awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility", "2017-07")));
    assertEquals("2017-07", old.path("edition").asText());
    assertTrue(old.at("/data/branchNumber").isMissingNode());
    JsonNode now = open(awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility", EDITION)));
    assertEquals(EDITION, now.path("edition").asText());
    assertEquals("01", now.at("/data/branchNumber").asText());
    JsonNode unknown = open(awaitAnswer(ask(p[1], ELIGIBILITY, "nhi-eligibility", "2031-01")));
    assertEquals(
        EDITION,
        unknown.path("edition").asText(),
        "no such edition: answered in the replica's own");
  }

  private static List<ReplicaAlert> alertsFor(String localId) throws Exception {
    return server.alerts(INSURER, 0, 10_000).stream()
        .filter(a -> a.localId().equals(localId))
        .toList();
  }
}
