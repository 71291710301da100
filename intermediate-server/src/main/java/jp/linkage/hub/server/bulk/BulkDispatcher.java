package jp.linkage.hub.server.bulk;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.query.CompletionHook;
import jp.linkage.hub.server.query.Queries;
import jp.linkage.hub.server.query.QueryFiler;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.SignalledWorker;

/**
 * Sends queued bulk queries (一括照会), keeping at most the window's worth in flight per querier and
 * provider. It runs when a bulk query completes or a bulk is queued, and at least every period,
 * when it also ends every overdue query, bulk or interactive, as FAILED (the query timeout) and
 * looks for lanes with queued rows it was not told of (queued by another process on the same
 * database, such as {@code hub batch queries}). State lives in {@code is_query} only: queued rows
 * move to SENT in the same transaction as their outbox rows, so a restart resumes and nothing goes
 * twice; the lanes' counts are the table's, recounted when they drift.
 */
public final class BulkDispatcher extends SignalledWorker<RuntimeException> {
  private final DataSource dataSource;
  private final EnvelopeCodec codec;
  private final Runnable relaySoon;
  private final Consumer<QueryCompletion> announce;
  private final CompletionHook inTransaction;
  private final Clock clock;
  private final BulkSettings settings;
  private final BulkMetrics metrics;
  private final Map<BulkLane.Key, BulkLane> lanes = new ConcurrentHashMap<>();
  private final Map<String, BulkQueue.InFlight> inFlight = new ConcurrentHashMap<>();

  /** The outcome of one dispatch transaction. */
  private record Round(int asked, int taken, List<String> sent, List<QueryCompletion> failed) {}

  /**
   * @param relaySoon asked to relay the outbox after queries were sent
   * @param announce told of queries this dispatcher ends (no symbol, overdue), after the commit
   * @param inTransaction told of each query the timeout ends, inside the transaction that ends it
   */
  public BulkDispatcher(
      DataSource dataSource,
      EnvelopeCodec codec,
      Runnable relaySoon,
      Consumer<QueryCompletion> announce,
      CompletionHook inTransaction,
      Clock clock,
      BulkSettings settings,
      long periodMs,
      String name)
      throws SQLException {
    super(periodMs, name);
    this.inTransaction = inTransaction;
    this.dataSource = dataSource;
    this.codec = codec;
    this.relaySoon = relaySoon;
    this.announce = announce;
    this.clock = clock;
    this.settings = settings;
    this.metrics = new BulkMetrics(settings.meters(), settings.window());
    Jdbc.inTransaction(
        dataSource,
        c -> { // resume what a previous run left
          BulkQueue.queuedPerLane(c).forEach((key, n) -> lane(key).queued(n));
          Map<BulkLane.Key, Integer> flying = new java.util.HashMap<>();
          for (BulkQueue.InFlight f : BulkQueue.inFlight(c)) {
            inFlight.put(f.linkageId(), f);
            flying.merge(f.lane(), 1, Integer::sum);
          }
          flying.forEach((key, n) -> lane(key).dispatched(n, 0));
          return null;
        });
    start();
  }

  /** Queries were committed to these lanes' queues. */
  void queued(Map<BulkLane.Key, Long> counts) {
    counts.forEach((key, n) -> lane(key).queued(n));
    signal();
  }

  /** A query completed: if it was a bulk query in flight, count it and make room in its window. */
  public void completed(QueryCompletion completion) {
    BulkQueue.InFlight f = inFlight.remove(completion.linkageId());
    if (f == null) {
      return;
    }
    lane(f.lane()).completed();
    metrics.completed(f.lane(), completion.status(), Duration.between(f.sentAt(), clock.instant()));
    signal();
  }

  /** The lane's counts (for tests and operators); empty lanes are kept for their gauges. */
  BulkLane lane(BulkLane.Key key) {
    return lanes.computeIfAbsent(
        key,
        k -> {
          BulkLane lane = new BulkLane(k, settings.window());
          metrics.register(lane);
          return lane;
        });
  }

  @Override
  protected void work() throws SQLException {
    Instant now = clock.instant();
    List<QueryCompletion> overdue =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              List<QueryCompletion> ended =
                  Queries.failOverdue(
                      c,
                      now.minus(settings.timeout()),
                      "no final answer within " + settings.timeout() + " of sending",
                      now);
              for (QueryCompletion done : ended) {
                inTransaction.completed(c, done);
              }
              return ended;
            });
    if (!overdue.isEmpty()) {
      relaySoon.run(); // the back-office replies written with them
    }
    for (QueryCompletion c : overdue) {
      completed(c); // frees the window now; the announcement's own call finds nothing left to do
      announce.accept(c);
    }
    discover();
    for (BulkLane lane : lanes.values()) {
      while (lane.hasQueued() && dispatch(lane)) {
        // another round: the window may have room again, or the lane may have more queued
      }
    }
  }

  /**
   * Recounts lanes that look empty here but have queued rows in the table: rows another process
   * queued, or a submission's count that arrived after a take had found the lane empty. The scan
   * for such lanes costs one index probe per lane; the count runs only for a lane that looked
   * empty.
   */
  private void discover() throws SQLException {
    Jdbc.inTransaction(
        dataSource,
        c -> {
          for (BulkLane.Key key : BulkQueue.lanesWithQueued(c)) {
            BulkLane lane = lane(key);
            if (!lane.hasQueued()) {
              lane.recounted(BulkQueue.queuedIn(c, key));
            }
          }
          return null;
        });
  }

  /** One transaction sending what the lane's window allows; false when nothing was taken. */
  private boolean dispatch(BulkLane lane) throws SQLException {
    BulkLane.Key key = lane.key();
    Instant now = clock.instant();
    int[] before = new int[1];
    Round round =
        Jdbc.inTransaction(
            dataSource,
            c -> {
              before[0] = BulkQueue.inFlightCount(c, key);
              int n = lane.release(before[0]);
              if (n == 0) {
                return new Round(0, 0, List.of(), List.of());
              }
              List<BulkQueue.Queued> taken = BulkQueue.take(c, key, n);
              List<String> sent = new ArrayList<>();
              List<QueryCompletion> failed = new ArrayList<>();
              for (BulkQueue.Queued q : taken) {
                if (q.symbol() == null) {
                  if (BulkQueue.failQueued(
                      c,
                      key.agency(),
                      q.linkageId(),
                      "no symbol (機関別符号) is held for local id "
                          + q.query().localId()
                          + "; request it before querying",
                      now)) {
                    failed.add(new QueryCompletion(key.agency(), q.linkageId(), "FAILED", null));
                  }
                  continue;
                }
                QueryFiler.queue(c, codec, key.agency(), q.linkageId(), q.query(), q.symbol());
                sent.add(q.linkageId());
              }
              BulkQueue.markSent(c, key.agency(), sent, now);
              return new Round(n, taken.size(), sent, failed);
            });
    if (round.taken() == 0) {
      if (round.asked() > 0) {
        lane.recounted(
            0); // the table has none queued; discover() recounts if rows arrive unannounced
      }
      return false;
    }
    for (String id : round.sent()) {
      inFlight.put(id, new BulkQueue.InFlight(id, key, now));
    }
    lane.dispatched(before[0], round.sent().size());
    lane.queued(-round.failed().size());
    if (round.taken() < round.asked()) {
      lane.recounted(0); // the table has no more queued for now, whatever this count said
    }
    metrics.dispatched(key, round.sent().size());
    relaySoon.run();
    for (QueryCompletion f : round.failed()) {
      metrics.completed(key, f.status(), null);
      announce.accept(f);
    }
    return true;
  }
}
