package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.audit.replay.ProvisionReplay;
import jp.linkage.hub.audit.replay.RejudgeReport;
import jp.linkage.hub.audit.replay.Rejudger;
import jp.linkage.hub.audit.replay.ReplayReport;
import jp.linkage.hub.audit.replay.Verdict;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.records.ProvisionRecordProjection;
import jp.linkage.hub.core.reference.ReferenceDataPublisher;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Invariant 3 and the replay auditor on the demo's real event store: re-judging agrees with every
 * table decision, a replay into a fresh database re-derives exactly the live provision records and
 * hash chain, and tampering (always on a copy, never on the shared live databases) is detected.
 */
class AuditIT {
  private static HubInfrastructure infra;
  private static DataSource core;
  private static DemoReport report;

  @BeforeAll
  static void runDemo() throws Exception {
    report = DemoRun.report();
    infra = DemoRun.hub().infra();
    core = infra.dataSource(Hub.CORE_DATABASE);
  }

  /** A fresh, empty database for this test (dropped first if a previous run left it). */
  private static DataSource fresh(String name) throws SQLException {
    try (Connection c = infra.dataSource("postgres").getConnection();
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
    return infra.dataSource(name);
  }

  @Test
  void reJudgingTheEventLogAgreesWithEveryTableDecision() {
    RejudgeReport r = Rejudger.rejudge(core);
    assertTrue(r.allAgree(), r.of(Verdict.Kind.DISAGREES).toString());
    // other ITs share this hub and may add linkages of their own: the demo's must all be among them
    var agreed = r.of(Verdict.Kind.AGREES).stream().map(Verdict::linkageId).toList();
    report.queries().forEach(q -> assertTrue(agreed.contains(q.result().linkageId()), q.label()));
    assertTrue(
        r.verdicts().stream()
            .anyMatch(v -> v.recorded().startsWith("DENIED NO_ROW_FOR_PROCEDURE")));
    assertEquals(
        Map.of(
            "2017-07",
            ReferenceDataPublisher.sourceSha256("2017-07"),
            "2026-04",
            ReferenceDataPublisher.sourceSha256("2026-04")),
        r.tables());
    assertEquals(AgencyType.PENSION_ORGANISATION, r.agencies().get("nenkin"));
    assertEquals(4, r.agencies().size());
  }

  @Test
  void replayIntoAFreshDatabaseEqualsTheLiveRecordsAndChain() throws SQLException {
    ReplayReport r = ProvisionReplay.run(core, core, fresh("audit_it_replay"));
    assertTrue(r.identical(), r.toString());
    assertTrue(r.eventsReplayed() > 0);
    assertEquals(liveRows(), r.rows());
    assertTrue(r.rows() >= report.queries().size());
    assertTrue(r.chainEntries() >= r.rows(), "every record change is a chain entry");
    assertEquals(r.liveChain().entries(), r.replayedChain().entries());
  }

  private long liveRows() throws SQLException {
    return Sql.count(core, "SELECT count(*) FROM core_provision_record");
  }

  @Test
  void aTamperedRecordOrChainEntryInTheReplayCopyIsDetected() throws SQLException {
    DataSource copy = fresh("audit_it_tamper_row");
    assertTrue(ProvisionReplay.run(core, core, copy).identical());
    String linkageId =
        Sql.value(
            copy, "SELECT min(linkage_id) FROM core_provision_record WHERE outcome = 'PROVIDED'");
    try (Connection c = copy.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE core_provision_record SET outcome = 'NO_RECORD'"
                  + " WHERE linkage_id = '"
                  + linkageId
                  + "'");
    }
    List<String> diffs = ProvisionReplay.compare(core, copy);
    assertEquals(1, diffs.size(), diffs.toString());
    assertTrue(
        diffs
            .get(0)
            .startsWith("linkage " + linkageId + ": outcome live=PROVIDED replayed=NO_RECORD"),
        diffs.get(0));

    try (Connection c = copy.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE core_chain_entry SET payload = replace(payload, 'PROVIDED',"
                  + " 'NO_RECORD') WHERE seq = (SELECT min(seq) FROM core_chain_entry WHERE entry_type = 'answered')");
      ChainVerifier.Result r =
          ChainVerifier.verify(c, "core", ProvisionRecordProjection.CHAIN_NAME);
      assertFalse(r.intact());
      assertTrue(
          r.firstBreak().get().endsWith("was altered (hash mismatch)"), r.firstBreak().get());
    }
  }

  @Test
  void aTamperedEventIsDetectedByReJudgingAndByReplay() throws SQLException {
    DataSource copy = fresh("audit_it_tamper_event");
    EventStoreCopy.copy(core, copy);
    String where =
        " WHERE payloadtype = 'jp.linkage.hub.core.api.LinkageAuthorisedEvent'"
            + " AND convert_from(payload, 'UTF8') LIKE '%\"item\":\"local-tax-info\"%'";
    String linkageId =
        Sql.value(copy, "SELECT min(aggregateidentifier) FROM domainevententry" + where);
    try (Connection c = copy.getConnection()) {
      assertEquals(
          1,
          c.createStatement()
              .executeUpdate(
                  "UPDATE domainevententry SET payload = convert_to(replace("
                      + "convert_from(payload, 'UTF8'), '\"item\":\"local-tax-info\"', '\"item\":\"resident-registry-info\"'),"
                      + " 'UTF8')"
                      + where
                      + " AND aggregateidentifier = '"
                      + linkageId
                      + "'"));
    }
    RejudgeReport rejudged = Rejudger.rejudge(copy);
    List<Verdict> disagreements = rejudged.of(Verdict.Kind.DISAGREES);
    assertEquals(1, disagreements.size(), disagreements.toString());
    assertEquals(linkageId, disagreements.get(0).linkageId());
    assertEquals("ALLOWED 2026-04 B2-48-1", disagreements.get(0).recorded());
    assertEquals("ALLOWED 2026-04 B2-48-2", disagreements.get(0).rejudged());

    ReplayReport replay = ProvisionReplay.run(copy, core, fresh("audit_it_tamper_event_replay"));
    assertFalse(replay.identical());
    assertTrue(
        replay
            .differences()
            .contains(
                "linkage "
                    + linkageId
                    + ": item live=local-tax-info replayed=resident-registry-info"),
        replay.differences().toString());
  }

  @Test
  void theAuditCommandsPassOnTheLiveHub() {
    String rejudge = run(0, "rejudge");
    assertTrue(rejudge.contains("AGREE: every table decision"), rejudge);
    String replay = run(0, "replay");
    assertTrue(replay.contains("IDENTICAL"), replay);
    assertTrue(replay.contains("differences:                      0"), replay);
    String verify = run(0, "verify");
    assertTrue(verify.contains("provision-records"), verify);
    assertTrue(
        verify.contains("access-log/muni-131016"), verify); // providers only: nenkin never answers
    assertTrue(verify.contains("INTACT"), verify);
  }

  @Test
  void theVerifyCommandFailsOnABrokenChain() throws SQLException {
    DataSource copy = fresh("audit_it_broken_chain");
    assertTrue(ProvisionReplay.run(core, core, copy).identical());
    try (Connection c = copy.getConnection()) {
      c.createStatement().executeUpdate("DELETE FROM core_chain_entry WHERE seq = 1");
    }
    String out = run(1, "verify", "--core-db", "audit_it_broken_chain");
    assertTrue(out.contains("BROKEN: entry 1 is missing"), out);
  }

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new HubCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    String[] all = new String[args.length + 6];
    all[0] = "audit";
    System.arraycopy(args, 0, all, 1, args.length);
    int i = args.length + 1;
    all[i++] = "--jdbc-url";
    all[i++] = infra.jdbcUrl("postgres");
    all[i++] = "--user";
    all[i++] = infra.jdbcUser();
    all[i] = "--password=" + infra.jdbcPassword();
    assertEquals(expectedExit, cli.execute(all), out.toString());
    return out.toString();
  }
}
