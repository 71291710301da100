package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.testing.Sql;

/**
 * What a crash test checks after the storm, read from the core's and the server's databases and
 * from the topics: each linkage once everywhere it must be, nowhere twice.
 */
final class CrashLedger {
  static final String CORE_DB = "crash_core";
  static final String SERVER_DB = "crash_intermediate";
  private static final String API = "jp.linkage.hub.core.api.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubInfrastructure infra;

  CrashLedger(HubInfrastructure infra) {
    this.infra = infra;
  }

  /**
   * Summary of a run: answers, denials, and how many records Kafka carried per distinct message.
   */
  record Outcome(int answered, int denied, Map<String, String> recordsPerMessage) {}

  int symbolsReceived() throws SQLException {
    return count(
        SERVER_DB, "SELECT count(*) FROM is_symbol_request WHERE completed_at IS NOT NULL");
  }

  /** Waits until {@code requests} symbol requests have been answered. */
  void awaitSymbols(int requests) {
    await("symbols for all " + requests + " symbol requests")
        .atMost(java.time.Duration.ofMinutes(3))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> symbolsReceived() == requests);
  }

  /** Waits until at least {@code n} queries are final. */
  void awaitFinal(int n, String what, java.time.Duration atMost) {
    await(what).atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> finalQueries() >= n);
  }

  int finalQueries() throws SQLException {
    return count(SERVER_DB, "SELECT count(*) FROM is_query WHERE status NOT IN ('SENT', 'QUEUED')");
  }

  /**
   * The earliest linkage event the core appended after {@code after} (Axon stores ISO-8601 text).
   */
  Instant firstLinkageEventAfter(Instant after) throws SQLException {
    Instant first = null;
    for (List<String> row :
        rows(
            CORE_DB,
            "SELECT timestamp FROM domainevententry"
                + " WHERE payloadtype LIKE '"
                + API
                + "Linkage%'")) {
      Instant t = Instant.parse(row.get(0));
      if (t.isAfter(after) && (first == null || t.isBefore(first))) {
        first = t;
      }
    }
    assertTrue(first != null, "the restarted core appended linkage events");
    return first;
  }

  Outcome check(List<CrashLoad.Planned> plan, String[] linkageIds, IntermediateServer server)
      throws Exception {
    Map<String, CrashLoad.Planned> byId = new HashMap<>();
    int answered = 0;
    for (int i = 0; i < plan.size(); i++) {
      CrashLoad.Planned p = plan.get(i);
      byId.put(linkageIds[i], p);
      QueryResult r = server.result(p.querier(), linkageIds[i]).orElseThrow();
      assertEquals(p.status(), r.status(), () -> "query " + r);
      assertEquals(p.outcome(), r.outcome(), () -> "query " + r);
      answered += "ANSWERED".equals(p.status()) ? 1 : 0;
    }
    assertEquals(plan.size(), byId.size(), "linkage ids are distinct");
    int denied = plan.size() - answered;
    checkHubRecords(byId);
    checkEvents(byId, answered, denied);
    checkAgencyRecords(byId, answered, denied);
    checkAccessLog(byId, answered);
    return new Outcome(answered, denied, checkWire(byId));
  }

  private void checkHubRecords(Map<String, CrashLoad.Planned> byId) throws SQLException {
    // the hub's records are a tracking projection: after a SIGKILL the restarted core takes the
    // dead
    // process's token claim only once the claim times out, so the querier can hold every answer
    // first
    String sql = "SELECT count(*) FROM core_provision_record";
    await("the core's provision-records projection caught up")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Integer.parseInt(rows(CORE_DB, sql).get(0).get(0)) >= byId.size());
    List<List<String>> rows =
        rows(CORE_DB, "SELECT linkage_id, status, outcome FROM core_provision_record");
    assertEquals(byId.size(), rows.size(), "one core_provision_record row per linkage");
    for (List<String> row : rows) {
      CrashLoad.Planned p = byId.get(row.get(0));
      assertTrue(p != null, "no hub record for an unknown linkage " + row.get(0));
      assertEquals(p.status(), row.get(1), row.get(0));
      assertEquals(p.outcome(), row.get(2), row.get(0));
    }
    try (Connection c = infra.dataSource(CORE_DB).getConnection()) {
      ChainVerifier.Result chain =
          ChainVerifier.verify(
              c, CoreSchema.CHAIN.tablePrefix(), ProvisionRecordProjection.CHAIN_NAME);
      assertTrue(chain.intact(), chain.toString());
    }
  }

  private void checkEvents(Map<String, CrashLoad.Planned> byId, int answered, int denied)
      throws SQLException {
    Map<String, Map<String, Integer>> events = new HashMap<>();
    for (List<String> row :
        rows(
            CORE_DB,
            "SELECT aggregateidentifier, payloadtype, count(*)"
                + " FROM domainevententry WHERE payloadtype LIKE '"
                + API
                + "Linkage%' GROUP BY 1, 2")) {
      events
          .computeIfAbsent(row.get(0), k -> new HashMap<>())
          .put(row.get(1).substring(API.length()), Integer.parseInt(row.get(2)));
    }
    assertEquals(byId.keySet(), events.keySet(), "linkage aggregates are exactly the queries sent");
    byId.forEach(
        (id, p) ->
            assertEquals(
                "ANSWERED".equals(p.status())
                    ? Map.of("LinkageAuthorisedEvent", 1, "LinkageAnsweredEvent", 1)
                    : Map.of("LinkageDeniedEvent", 1),
                events.get(id),
                "events of linkage " + id));
    assertEquals(
        2 * answered + denied,
        count(
            CORE_DB,
            "SELECT count(*) FROM core_chain_entry WHERE chain = '"
                + ProvisionRecordProjection.CHAIN_NAME
                + "'"),
        "one chain entry per linkage event");
  }

  private void checkAgencyRecords(Map<String, CrashLoad.Planned> byId, int answered, int denied)
      throws SQLException {
    Map<String, List<String>> records = new HashMap<>();
    for (List<String> row :
        rows(SERVER_DB, "SELECT linkage_id, agency, role FROM is_provision_record")) {
      records
          .computeIfAbsent(row.get(0), k -> new ArrayList<>())
          .add(row.get(1) + "/" + row.get(2));
    }
    assertEquals(
        2 * answered + denied,
        records.values().stream().mapToInt(List::size).sum(),
        "agency provision records: two per answer, one per denial");
    byId.forEach(
        (id, p) -> {
          List<String> expected =
              "ANSWERED".equals(p.status())
                  ? List.of(p.querier() + "/QUERIER", p.provider() + "/PROVIDER")
                  : List.of(p.querier() + "/QUERIER");
          List<String> found = new ArrayList<>(records.getOrDefault(id, List.of()));
          found.sort(Comparator.comparing(s -> s.endsWith("/QUERIER") ? 0 : 1));
          assertEquals(expected, found, "agency records of linkage " + id);
        });
  }

  /**
   * Every answer read the provider's replica once: one READ entry in its access log per linkage.
   */
  private void checkAccessLog(Map<String, CrashLoad.Planned> byId, int answered) throws Exception {
    Map<String, Integer> reads = new HashMap<>();
    for (List<String> row :
        rows(
            SERVER_DB,
            "SELECT payload FROM "
                + ServerSchema.ACCESS_LOG.tablePrefix()
                + "_chain_entry WHERE entry_type = 'READ'")) {
      reads.merge(JSON.readTree(row.get(0)).path("purpose").asText(), 1, Integer::sum);
    }
    assertEquals(answered, reads.size(), "replica reads belong to answered linkages only");
    reads.forEach((id, n) -> assertEquals(1, n, "replica reads for linkage " + id));
    for (String agency : CrashLoad.AGENCIES) {
      try (Connection c = infra.dataSource(SERVER_DB).getConnection()) {
        ChainVerifier.Result r =
            ChainVerifier.verify(c, ServerSchema.ACCESS_LOG.tablePrefix(), "access-log/" + agency);
        assertTrue(r.intact(), r.toString());
      }
    }
  }

  /** On the wire a message may repeat (same id) but never exist twice with two ids. */
  private Map<String, String> checkWire(Map<String, CrashLoad.Planned> byId) throws Exception {
    List<String> topics = new ArrayList<>();
    for (String agency : CrashLoad.AGENCIES) {
      topics.add(TopicLayout.toHub(agency));
      topics.add(TopicLayout.fromHub(agency));
    }
    TopicTally tally = TopicTally.read(infra.kafkaBootstrapServers(), topics);
    byId.forEach(
        (id, p) -> {
          boolean ok = "ANSWERED".equals(p.status());
          assertEquals(Set.of(id), tally.ids(MessageType.QUERY_REQUESTED.wireName(), id), id);
          assertEquals(
              ok ? 1 : 0, tally.ids(MessageType.PROVISION_REQUESTED.wireName(), id).size(), id);
          assertEquals(
              ok ? 1 : 0, tally.ids(MessageType.PROVISION_ANSWERED.wireName(), id).size(), id);
          assertEquals(
              ok ? 1 : 0, tally.ids(MessageType.ANSWER_DELIVERED.wireName(), id).size(), id);
          assertEquals(ok ? 0 : 1, tally.ids(MessageType.QUERY_DENIED.wireName(), id).size(), id);
          assertEquals(0, tally.ids(MessageType.MESSAGE_REJECTED.wireName(), id).size(), id);
        });
    Map<String, String> perMessage = new java.util.LinkedHashMap<>();
    for (MessageType t :
        List.of(
            MessageType.QUERY_REQUESTED,
            MessageType.PROVISION_REQUESTED,
            MessageType.PROVISION_ANSWERED,
            MessageType.ANSWER_DELIVERED,
            MessageType.QUERY_DENIED)) {
      perMessage.put(
          t.name(),
          tally.copies(t.wireName()) + " records/" + tally.distinct(t.wireName()) + " messages");
    }
    return perMessage;
  }

  private int count(String db, String sql) throws SQLException {
    return (int) Sql.count(infra.dataSource(db), sql);
  }

  private List<List<String>> rows(String db, String sql) throws SQLException {
    return Sql.rows(infra.dataSource(db), sql);
  }

  /** Fresh databases even on an external PostgreSQL kept between runs. */
  static void dropDatabases(HubInfrastructure infra, String... names) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                infra.jdbcUrl("postgres"), infra.jdbcUser(), infra.jdbcPassword());
        Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join(
        "\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
