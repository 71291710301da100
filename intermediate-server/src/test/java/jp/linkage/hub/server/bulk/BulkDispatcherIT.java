package jp.linkage.hub.server.bulk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.query.CompletionHook;
import jp.linkage.hub.server.query.Queries;
import jp.linkage.hub.server.query.QueryFiler;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.testing.SettableClock;
import jp.linkage.hub.testing.SharedInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * The bulk dispatcher on a real PostgreSQL (Kafka is not needed: sending means writing outbox
 * rows): the window per lane, a query without a symbol ending FAILED, a restart that resumes
 * without sending anything twice, and overdue queries ending FAILED and freeing the window.
 */
class BulkDispatcherIT {
  private static final String CHIYODA = "muni-131016";
  private static final String OSAKA = "muni-271004";
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", "2026-04");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final List<QueryCompletion> announced = new CopyOnWriteArrayList<>();
  private final AtomicInteger relaySignals = new AtomicInteger();

  /**
   * What the server does in the completing transaction (the back-office reply); the tests replace
   * it.
   */
  private CompletionHook hook = (c, done) -> {};

  @Test
  void pacesByWindowResumesAfterARestartWithoutResendingAndFailsWhatNeverEnds() throws Exception {
    DataSource db = serverDatabase("bulk_dispatch_it_");
    List<Query> queries = new ArrayList<>();
    queries.add(new Query("N-unknown", "pension-benefit-eligibility", CHIYODA, LOCAL_TAX));
    IntStream.range(0, 29)
        .forEach(
            i ->
                queries.add(
                    new Query("N" + (i % 10), "pension-benefit-eligibility", CHIYODA, LOCAL_TAX)));
    IntStream.range(0, 3)
        .forEach(
            i -> queries.add(new Query("N" + i, "pension-benefit-eligibility", OSAKA, LOCAL_TAX)));

    String bulkId;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (BulkDispatcher first = dispatcher(db, meters)) {
      bulkId = new BulkSubmitter(db, first, clock).submit("nenkin", "it", queries.iterator());
      await("both lanes' windows filled")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Sql.count(db, "SELECT count(*) FROM is_outbox") == 5 + 3 && !announced.isEmpty());
      assertEquals(5, inFlight(db, CHIYODA));
      assertEquals(3, inFlight(db, OSAKA));
      assertEquals(
          List.of(new QueryCompletion("nenkin", linkageOf(db, bulkId, 0), "FAILED", null)),
          announced);
      try (Connection c = db.getConnection()) {
        assertEquals(33, BulkResults.stream(c, "nenkin", bulkId, r -> {}));
      }
      assertEquals(
          5, meters.get(BulkMetrics.IN_FLIGHT_MAX).tag("provider", CHIYODA).gauge().value());
      assertEquals(24, meters.get(BulkMetrics.QUEUED).tag("provider", CHIYODA).gauge().value());
    } // a crash: the dispatcher stops with 5 + 3 in flight and 24 queued

    try (BulkDispatcher second = dispatcher(db, new SimpleMeterRegistry())) {
      assertEquals(
          5, second.lane(new BulkLane.Key("nenkin", CHIYODA)).inFlight(), "resumed from the table");
      assertEquals(24, second.lane(new BulkLane.Key("nenkin", CHIYODA)).queued());
      List<String> answered = sentIds(db, CHIYODA).subList(0, 2);
      for (String id : answered) {
        Jdbc.inTransaction(
            db,
            c ->
                Queries.complete(
                    c, "nenkin", id, "ANSWERED", "PROVIDED", null, null, clock.instant()));
        second.completed(new QueryCompletion("nenkin", id, "ANSWERED", "PROVIDED"));
      }
      await("two more sent as two completed")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Sql.count(db, "SELECT count(*) FROM is_outbox") == 8 + 2);
      assertEquals(5, inFlight(db, CHIYODA), "never more than the window");
      assertEquals(
          Sql.count(db, "SELECT count(*) FROM is_outbox"),
          Sql.count(db, "SELECT count(DISTINCT msg_key) FROM is_outbox"),
          "nothing was sent twice");

      List<String> overdue =
          Stream.concat(sentIds(db, CHIYODA).stream(), sentIds(db, OSAKA).stream()).toList();
      clock.advance(TIMEOUT.plusSeconds(1));
      second.signal();
      await("overdue queries failed and the window refilled")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Sql.count(db, "SELECT count(*) FROM is_query WHERE status = 'FAILED'") == 1 + 8
                      && inFlight(db, CHIYODA) == 5);
      for (String id : overdue) {
        QueryResult r = find(db, id);
        assertEquals("FAILED", r.status());
        assertEquals("no final answer within PT10M of sending", r.detail());
        assertTrue(announced.contains(new QueryCompletion("nenkin", id, "FAILED", null)), id);
      }
      BulkStatus status;
      try (Connection c = db.getConnection()) {
        status = BulkResults.status(c, "nenkin", bulkId).orElseThrow();
      }
      assertEquals(new BulkStatus(bulkId, "it", 33, 17, 5, 2, 0, 0, 9), status);
      assertFalse(status.isDone());
      QueryResult queued = find(db, linkageOf(db, bulkId, 29));
      assertEquals("QUEUED", queued.status());
      assertFalse(queued.isFinal());
    }
  }

  @Test
  void rowsAnotherProcessQueuedAreFoundOnThePeriodAndSentPacedByTheWindow() throws Exception {
    DataSource db = serverDatabase("bulk_filing_it_");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (BulkDispatcher dispatcher = dispatcher(db, meters)) {
      // another process (hub batch queries) files through its own QueryFiler: nobody tells the
      // dispatcher
      BulkFiling filing = BulkFiling.open(db, clock, "nenkin", "batch file q.csv");
      List<Query> first = new ArrayList<>();
      first.add(new Query("N-unknown", "pension-benefit-eligibility", CHIYODA, LOCAL_TAX));
      IntStream.range(0, 11)
          .forEach(
              i ->
                  first.add(
                      new Query(
                          "N" + (i % 10), "pension-benefit-eligibility", CHIYODA, LOCAL_TAX)));
      List<String> ids = filing.add(first);
      assertEquals(
          null, ids.get(0), "no symbol for the person: not queued, so the file can reject the row");
      assertEquals(11, ids.stream().filter(id -> id != null).distinct().count());

      BulkLane lane = dispatcher.lane(new BulkLane.Key("nenkin", CHIYODA));
      await("found on the period, counted from the table, and the window filled")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Sql.count(db, "SELECT count(*) FROM is_outbox") == 5 && lane.queued() == 6);

      // a second chunk lands while the first is still going out: the count drifts, the table wins
      List<String> more =
          filing.add(
              IntStream.range(0, 10)
                  .mapToObj(
                      i -> new Query("N" + i, "pension-benefit-eligibility", CHIYODA, LOCAL_TAX))
                  .toList());
      assertEquals(21, filing.queued());
      int answered = 0;
      while (answered < 21) {
        for (String id : sentIds(db, CHIYODA)) {
          assertTrue(inFlight(db, CHIYODA) <= 5, "never more than the window in flight");
          Jdbc.inTransaction(
              db,
              c ->
                  Queries.complete(
                      c, "nenkin", id, "ANSWERED", "PROVIDED", null, null, clock.instant()));
          dispatcher.completed(new QueryCompletion("nenkin", id, "ANSWERED", "PROVIDED"));
          answered++;
        }
        int done = answered;
        await("the next ones sent")
            .atMost(Duration.ofSeconds(30))
            .until(() -> done == 21 || inFlight(db, CHIYODA) > 0);
      }
      assertEquals(
          21, Sql.count(db, "SELECT count(DISTINCT msg_key) FROM is_outbox"), "each sent once");
      assertTrue(
          Sql.count(
                  db,
                  "SELECT count(*) FROM is_query WHERE linkage_id = '"
                      + more.get(9)
                      + "' AND status = 'ANSWERED'")
              == 1,
          "the last row of the later chunk went out too");
      assertEquals(
          5, meters.get(BulkMetrics.IN_FLIGHT_MAX).tag("provider", CHIYODA).gauge().value());
      BulkStatus status;
      try (Connection c = db.getConnection()) {
        status = BulkResults.status(c, "nenkin", filing.bulkId()).orElseThrow();
      }
      assertEquals(21, status.total());
      assertTrue(status.isDone(), status.toString());
    }
  }

  @Test
  void anInteractiveQueryNobodyAnswersEndsFailedAtTheTimeoutWithItsReplyInTheSameTransaction()
      throws Exception {
    DataSource db = serverDatabase("query_timeout_it_");
    try (Connection c = db.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE it_reply (linkage_id text PRIMARY KEY)");
    }
    AtomicInteger calls = new AtomicInteger();
    hook =
        (c, done) -> {
          if (calls.incrementAndGet() == 1) {
            throw new SQLException(
                "the reply could not be written"); // the first round must roll back whole
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO it_reply VALUES (?)")) {
            ps.setString(1, done.linkageId());
            ps.executeUpdate();
          }
        };
    QueryFiler filer = new QueryFiler(db, clock);
    String early =
        filer.file("nenkin", new Query("N1", "pension-benefit-eligibility", CHIYODA, LOCAL_TAX));
    clock.advance(Duration.ofMinutes(5));
    String later =
        filer.file("nenkin", new Query("N2", "pension-benefit-eligibility", CHIYODA, LOCAL_TAX));
    try (BulkDispatcher dispatcher = dispatcher(db, new SimpleMeterRegistry())) {
      clock.advance(
          TIMEOUT.minus(Duration.ofMinutes(5)).plusSeconds(1)); // only the early one is overdue
      dispatcher.signal();
      await("the overdue query failed once the reply could be written")
          .atMost(Duration.ofSeconds(30))
          .until(() -> "FAILED".equals(find(db, early).status()));
      assertTrue(calls.get() >= 2, "the failed first round was retried");
      assertEquals(
          1,
          Sql.count(db, "SELECT count(*) FROM it_reply WHERE linkage_id = '" + early + "'"),
          "the reply committed with the failure");
      assertEquals("no final answer within PT10M of sending", find(db, early).detail());
      assertEquals("SENT", find(db, later).status(), "not overdue yet");
      assertEquals(List.of(new QueryCompletion("nenkin", early, "FAILED", null)), announced);
      assertTrue(relaySignals.get() > 0, "the relay was asked to send the reply");

      // the provider's answer arrives after all: the query stays failed and nothing is announced
      // again
      Jdbc.inTransaction(
          db,
          c -> {
            assertFalse(
                Queries.complete(
                    c, "nenkin", early, "ANSWERED", "PROVIDED", null, null, clock.instant()));
            return null;
          });
      assertEquals("FAILED", find(db, early).status());
    }
  }

  /** A fresh server database where nenkin holds symbols for N0 … N9. */
  private static DataSource serverDatabase(String prefix) throws Exception {
    DataSource db = SharedInfrastructure.get().dataSource(prefix + System.nanoTime());
    ServerSchema.create(db);
    Jdbc.inTransaction(
        db,
        c -> {
          for (int i = 0; i < 10; i++) {
            PersonLinks.link(c, "nenkin", "N" + i, new Symbol("symbol-" + i));
          }
          return null;
        });
    return db;
  }

  private BulkDispatcher dispatcher(DataSource db, SimpleMeterRegistry meters) throws Exception {
    EnvelopeCodec codec = new EnvelopeCodec(clock);
    return new BulkDispatcher(
        db,
        codec,
        relaySignals::incrementAndGet,
        announced::add,
        hook,
        clock,
        new BulkSettings(5, TIMEOUT, meters),
        100,
        "bulk-dispatch-it");
  }

  private static QueryResult find(DataSource db, String linkageId) throws Exception {
    try (Connection c = db.getConnection()) {
      return Queries.find(c, "nenkin", linkageId).orElseThrow();
    }
  }

  private static int inFlight(DataSource db, String provider) throws Exception {
    try (Connection c = db.getConnection()) {
      return BulkQueue.inFlightCount(c, new BulkLane.Key("nenkin", provider));
    }
  }

  private static List<String> sentIds(DataSource db, String provider) throws Exception {
    return Sql.column(
        db,
        "SELECT linkage_id FROM is_query WHERE status = 'SENT' AND provider = ? ORDER BY bulk_row",
        provider);
  }

  private static String linkageOf(DataSource db, String bulkId, int row) throws Exception {
    return Sql.value(
        db,
        "SELECT linkage_id FROM is_query WHERE bulk_id = ? AND bulk_row = ?",
        bulkId,
        (long) row);
  }
}
