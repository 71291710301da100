package jp.linkage.hub.audit.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.audit.monitor.Finding.Rule;
import jp.linkage.hub.audit.monitor.MonitorViews.ChainStatus;
import jp.linkage.hub.audit.monitor.MonitorViews.Flow;
import jp.linkage.hub.audit.monitor.MonitorViews.Overview;
import jp.linkage.hub.audit.monitor.MonitorViews.RecordView;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;
import jp.linkage.hub.testing.SharedInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PPC's monitoring views on real PostgreSQL, over provision records placed at chosen moments
 * around the Japanese government calendar of November–December 2026 (23 Nov is 勤労感謝の日, 29 Dec is in
 * the year-end closure). Each finding rule is shown to fire on what it should and on nothing else,
 * and no view carries a symbol.
 */
class ProvisionMonitorIT {
  private static final Instant NOW = Instant.parse("2026-12-31T00:00:00Z");

  /** Tuesday 24 Nov 2026, 09:00–11:00 in Tokyo: office hours. */
  private static final Period TUESDAY_MORNING =
      new Period(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T02:00:00Z"));

  private static final Period SIX_WEEKS =
      new Period(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static DataSource db;
  private static ProvisionMonitor monitor;

  @BeforeAll
  static void records() throws SQLException {
    db = SharedInfrastructure.get().dataSource("provision_monitor_it");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "DROP TABLE IF EXISTS core_provision_record, core_rejected_message, core_chain_entry, core_chain_head,"
              + " core_replica_alert");
    }
    CoreSchema.create(db);
    // Tuesday morning: three answered, one pending, two denied, and one just after the period
    answered("a1", "2026-11-24T00:10:00Z", 100, "PROVIDED");
    answered("a2", "2026-11-24T00:20:00Z", 200, "PROVIDED");
    answered("a3", "2026-11-24T00:40:00Z", 300, "NO_RECORD");
    record("a4", "Q1", "P1", "2026-11-24T00:30:00Z", "AUTHORISED", null, "sym-a4");
    record("d1", "Q1", "P1", "2026-11-24T01:00:00Z", "DENIED", "NO_PERMISSION", null);
    record("d2", "Q1", "P1", "2026-11-24T01:05:00Z", "DENIED", "NO_PERMISSION", null);
    record("late", "Q1", "P1", "2026-11-24T02:00:00Z", "AUTHORISED", null, "sym-late");
    rejected("2026-11-24T01:00:00Z");
    rejected("2026-11-24T01:30:00Z");
    rejected("2026-11-24T03:00:00Z");
    // Wednesday morning: one person asked about five times, another four times (threshold 5)
    for (int i = 0; i < 5; i++) {
      record(
          "r5-" + i,
          "Q2",
          "P2",
          "2026-11-25T00:0" + i + ":00Z",
          "AUTHORISED",
          null,
          "sym-repeat-5");
    }
    for (int i = 0; i < 4; i++) {
      record(
          "r4-" + i,
          "Q2",
          "P2",
          "2026-11-25T01:0" + i + ":00Z",
          "AUTHORISED",
          null,
          "sym-repeat-4");
    }
    // off hours: a holiday, a Saturday, late evening, the year-end closure, and the minute before
    // opening
    record("h1", "Q3", "P3", "2026-11-23T01:00:00Z", "AUTHORISED", null, "sym-h1");
    record("h2", "Q3", "P3", "2026-11-21T03:00:00Z", "AUTHORISED", null, "sym-h2");
    record("h3", "Q3", "P3", "2026-11-24T14:30:00Z", "AUTHORISED", null, "sym-h3");
    record("h4", "Q3", "P3", "2026-12-29T01:00:00Z", "AUTHORISED", null, "sym-h4");
    record("h5", "Q3", "P3", "2026-11-26T21:59:00Z", "AUTHORISED", null, "sym-h5");
    record(
        "h6",
        "Q3",
        "P3",
        "2026-11-26T22:00:00Z",
        "AUTHORISED",
        null,
        "sym-h6"); // 07:00 in Tokyo: open
    // replica alerts the insurer reported: two overdue changes of one item on Tuesday morning, a
    // late one
    alert(1, "OVERDUE", "2026-11-24T00:15:00Z", "2026-11-23T23:30:00Z");
    alert(2, "OVERDUE", "2026-11-24T00:45:00Z", "2026-11-24T00:40:00Z");
    alert(3, "LATE_REGISTRATION", "2026-11-24T01:30:00Z", "2026-11-24T00:40:00Z");
    alert(4, "OVERDUE", "2026-11-10T00:00:00Z", "2026-11-09T23:30:00Z"); // before both periods
    monitor = new ProvisionMonitor(db, MonitorRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void overviewCountsThePeriodOnly() throws Exception {
    Overview o = monitor.overview(TUESDAY_MORNING);
    assertEquals(6, o.requested());
    assertEquals(3, o.answered());
    assertEquals(1, o.pending());
    assertEquals(2, o.denied());
    assertEquals(Map.of("PROVIDED", 2L, "NO_RECORD", 1L), o.outcomes());
    assertEquals(Map.of("NO_PERMISSION", 2L), o.denialReasons());
    assertEquals(2, o.rejectedMessages());
    assertEquals(3, o.replicaAlerts());
    assertEquals(200.0, o.answerP50Millis(), 0.001);
    assertEquals(298.0, o.answerP99Millis(), 0.001); // linear interpolation between 200 and 300
    assertEquals(Instant.parse("2026-11-24T00:30:00Z"), o.oldestPendingRequestedAt());
    assertNoSymbol(o);
  }

  @Test
  void anEmptyPeriodHasNoAnswerTimes() throws Exception {
    Overview o =
        monitor.overview(
            new Period(
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-02T00:00:00Z")));
    assertEquals(0, o.requested());
    assertNull(o.answerP50Millis());
    assertNull(o.oldestPendingRequestedAt());
  }

  @Test
  void flowsAreGroupedByAgenciesProcedureAndItem() throws Exception {
    List<Flow> flows = monitor.flows(TUESDAY_MORNING);
    assertEquals(List.of(new Flow("Q1", "P1", "PR", "ITEM", 6, 3, 2, 1)), flows);
  }

  @Test
  void deniedQueriesAreAWarningWithTheirReasonAndLinkages() throws Exception {
    Finding denied = only(monitor.findings(SIX_WEEKS).findings(), Rule.DENIED_QUERIES);
    assertEquals("Q1", denied.querier());
    assertEquals(2, denied.count());
    assertEquals("denied: NO_PERMISSION", denied.detail());
    assertEquals(List.of("d1", "d2"), denied.linkageIds());
    assertEquals(Finding.Severity.WARNING, denied.severity());
  }

  @Test
  void onePersonAskedAboutFiveTimesIsFoundAndFourTimesIsNot() throws Exception {
    MonitorViews.Findings findings = monitor.findings(SIX_WEEKS);
    Finding repeated = only(findings.findings(), Rule.REPEATED_PERSON);
    assertEquals("Q2", repeated.querier());
    assertEquals(5, repeated.count());
    assertEquals(List.of("r5-0", "r5-1", "r5-2", "r5-3", "r5-4"), repeated.linkageIds());
    assertEquals(5, findings.repeatedPersonThreshold());
    assertNoSymbol(findings);

    ProvisionMonitor stricter =
        new ProvisionMonitor(
            db, new MonitorRules(4, 7, 22, MonitorRules.defaults().calendar()), Clock.systemUTC());
    assertEquals(
        2,
        stricter.findings(SIX_WEEKS).findings().stream()
            .filter(f -> f.rule() == Rule.REPEATED_PERSON)
            .count());
  }

  @Test
  void holidaysWeekendsTheClosureAndNightHoursAreOutsideOfficeHours() throws Exception {
    Finding off = only(monitor.findings(SIX_WEEKS).findings(), Rule.OUTSIDE_OFFICE_HOURS);
    assertEquals("Q3", off.querier());
    assertEquals(5, off.count(), off.detail());
    assertEquals(List.of("h2", "h1", "h3", "h5", "h4"), off.linkageIds());
    for (String when :
        List.of(
            "2026-11-21 土曜日 (weekend): 1",
            "2026-11-23 勤労感謝の日 (holiday): 1",
            "2026-11-24 23:00–23:59: 1",
            "2026-11-27 06:00–06:59: 1",
            "2026-12-29 年末年始の休日 (closure): 1")) {
      assertTrue(off.detail().contains(when), when + " in " + off.detail());
    }
    assertEquals(Instant.parse("2026-11-21T03:00:00Z"), off.first());
    assertEquals(Instant.parse("2026-12-29T01:00:00Z"), off.last());
  }

  @Test
  void replicaAlertsAreGroupedAndOverdueOnesAreAFinding() throws Exception {
    assertEquals(
        List.of(
            new MonitorViews.ReplicaAlertGroup(
                "P3",
                "long-term-care-insurance",
                "OVERDUE",
                2,
                Instant.parse("2026-11-23T23:30:00Z"),
                Instant.parse("2026-11-24T00:45:00Z"),
                "detail 2"),
            new MonitorViews.ReplicaAlertGroup(
                "P3",
                "long-term-care-insurance",
                "LATE_REGISTRATION",
                1,
                Instant.parse("2026-11-24T00:40:00Z"),
                Instant.parse("2026-11-24T01:30:00Z"),
                "detail 3")),
        monitor.replicaAlerts(SIX_WEEKS));
    Finding overdue = only(monitor.findings(SIX_WEEKS).findings(), Rule.OVERDUE_REPLICAS);
    assertEquals("P3", overdue.provider());
    assertNull(overdue.querier());
    assertEquals("long-term-care-insurance", overdue.item());
    assertEquals(2, overdue.count());
    assertEquals(
        "2 master change(s) not in the replica by their deadline; earliest deadline 2026-11-23T23:30:00Z",
        overdue.detail());
    assertTrue(
        monitor
            .replicaAlerts(
                new Period(
                    Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")))
            .isEmpty());
  }

  @Test
  void aRecordIsShownWithoutSymbolsAndAnUnknownIdIsEmpty() throws Exception {
    RecordView a1 = monitor.record("a1").orElseThrow();
    assertEquals("ANSWERED", a1.status());
    assertEquals("PROVIDED", a1.outcome());
    assertEquals(Instant.parse("2026-11-24T00:10:00.100Z"), a1.answeredAt());
    assertNoSymbol(a1);
    assertTrue(monitor.record("no-such-linkage").isEmpty());
  }

  @Test
  void theChainVerifiesUntilAnEntryIsAltered() throws Exception {
    try (Connection c = db.getConnection()) {
      for (int i = 0; i < 3; i++) {
        CoreSchema.CHAIN.append(
            c,
            ProvisionRecordProjection.CHAIN_NAME,
            "authorised",
            "{\"n\":" + i + "}",
            Instant.parse("2026-11-24T00:00:00Z").plusSeconds(i));
      }
    }
    ChainStatus intact = monitor.verifyChain();
    assertTrue(intact.intact());
    assertEquals(3, intact.entries());
    assertEquals(NOW, intact.checkedAt());
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE core_chain_entry SET payload = '{\"n\":9}' WHERE seq = 1");
    }
    ChainStatus broken = monitor.verifyChain();
    assertFalse(broken.intact());
    assertEquals("entry 1 was altered (hash mismatch)", broken.firstBreak());
  }

  @Test
  void periodsAndRulesRejectNonsense() {
    Instant t = Instant.parse("2026-11-24T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new Period(t, t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MonitorRules(1, 7, 22, MonitorRules.defaults().calendar()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MonitorRules(5, 22, 7, MonitorRules.defaults().calendar()));
    Period last = Period.last(Duration.ofHours(24), Clock.fixed(t, ZoneOffset.UTC));
    assertEquals(t.minus(Duration.ofHours(24)), last.from());
    assertEquals(t, last.to());
  }

  private static Finding only(List<Finding> findings, Rule rule) {
    List<Finding> matching = findings.stream().filter(f -> f.rule() == rule).toList();
    assertEquals(1, matching.size(), rule + ": " + matching);
    return matching.get(0);
  }

  private static void assertNoSymbol(Object view) throws Exception {
    String json = JSON.writeValueAsString(view);
    assertFalse(json.contains("sym-"), json);
  }

  private static void answered(String id, String requestedAt, long millis, String outcome)
      throws SQLException {
    record(id, "Q1", "P1", requestedAt, "ANSWERED", null, "sym-" + id);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE core_provision_record SET answered_at = requested_at + ? * interval '1 millisecond',"
                    + " outcome = ?, payload_digest = 'digest' WHERE linkage_id = ?")) {
      ps.setLong(1, millis);
      ps.setString(2, outcome);
      ps.setString(3, id);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static void record(
      String id,
      String querier,
      String provider,
      String requestedAt,
      String status,
      String reason,
      String symbol)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO core_provision_record (linkage_id, querier, provider, procedure, item, status, reason,"
                    + " table_version, row_id, querier_symbol, provider_symbol, requested_at)"
                    + " VALUES (?, ?, ?, 'PR', 'ITEM', ?, ?, '2026-04', ?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, querier);
      ps.setString(3, provider);
      ps.setString(4, status);
      ps.setString(5, reason);
      ps.setString(6, reason == null ? "B2-1" : null);
      ps.setString(7, symbol);
      ps.setString(8, symbol == null ? null : symbol + "-at-provider");
      ps.setTimestamp(9, Timestamp.from(Instant.parse(requestedAt)));
      ps.executeUpdate();
    }
  }

  private static void alert(long id, String kind, String raisedAt, String deadline)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO core_replica_alert (agency, alert_id, kind, item, master_changed_at, deadline, detail,"
                    + " raised_at, reported_at) VALUES ('P3', ?, ?, 'long-term-care-insurance', ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, kind);
      ps.setTimestamp(3, Timestamp.from(Instant.parse(deadline).minus(Duration.ofDays(2))));
      ps.setTimestamp(4, Timestamp.from(Instant.parse(deadline)));
      ps.setString(5, "detail " + id);
      ps.setTimestamp(6, Timestamp.from(Instant.parse(raisedAt)));
      ps.setTimestamp(7, Timestamp.from(Instant.parse(raisedAt).plusSeconds(1)));
      ps.executeUpdate();
    }
  }

  private static void rejected(String at) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO core_rejected_message (sender, topic, kafka_partition, kafka_offset, field, rule, message,"
                    + " redacted_value, rejected_at) VALUES ('Q1', 'hub.Q1.out', 0, ?, 'data.item', 'known-item',"
                    + " 'item nope is not a known information item', '\"nope\"', ?)")) {
      ps.setLong(1, Instant.parse(at).getEpochSecond());
      ps.setTimestamp(2, Timestamp.from(Instant.parse(at)));
      ps.executeUpdate();
    }
  }
}
