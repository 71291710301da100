package jp.linkage.hub.server.bulk;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.linkage.hub.server.api.BulkSubmissionException;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.support.Jdbc;

/**
 * Stores a bulk submission (一括照会) in batches, one statement and transaction each, so a million
 * queries go in quickly with flat memory, and tells the dispatcher after each commit.
 */
public final class BulkSubmitter {
  /** Queries stored per statement and transaction. */
  public static final int BATCH = 1_000;

  private final DataSource dataSource;
  private final BulkDispatcher dispatcher;
  private final Clock clock;

  public BulkSubmitter(DataSource dataSource, BulkDispatcher dispatcher, Clock clock) {
    this.dataSource = dataSource;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public String submit(String agency, String name, Iterator<Query> queries)
      throws BulkSubmissionException {
    String bulkId = UUID.randomUUID().toString();
    long stored = 0;
    try {
      Jdbc.inTransaction(
          dataSource,
          c -> {
            BulkQueue.createBulk(c, agency, bulkId, name, clock.instant());
            return null;
          });
      List<Query> batch = new ArrayList<>(BATCH);
      while (queries.hasNext()) {
        batch.add(queries.next());
        if (batch.size() == BATCH || !queries.hasNext()) {
          enqueue(agency, bulkId, stored, batch);
          BulkQueue.analyzeWhenCrossing(dataSource, stored, stored + batch.size());
          stored += batch.size();
          batch.clear();
        }
      }
    } catch (Exception e) {
      throw new BulkSubmissionException(bulkId, stored, e);
    }
    return bulkId;
  }

  private void enqueue(String agency, String bulkId, long firstRow, List<Query> batch)
      throws SQLException {
    List<String> linkageIds = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      linkageIds.add(UUID.randomUUID().toString());
    }
    Jdbc.inTransaction(
        dataSource,
        c -> {
          BulkQueue.enqueue(c, agency, bulkId, firstRow, batch, linkageIds, clock.instant());
          return null;
        });
    Map<BulkLane.Key, Long> perLane = new HashMap<>();
    batch.forEach(q -> perLane.merge(new BulkLane.Key(agency, q.provider()), 1L, Long::sum));
    dispatcher.queued(perLane);
  }
}
