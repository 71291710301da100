package jp.linkage.hub.server.bulk;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.support.Jdbc;

/**
 * A bulk (一括照会) filed from another process on the intermediate server's database, e.g. by {@code
 * hub batch queries}: its queries are queued in {@code is_query} exactly as {@code
 * IntermediateServer.submitBulk} queues them, and the running server's bulk dispatcher finds them
 * on its next period and sends them paced (at most its window in flight per querier and provider).
 * Unlike {@code submitBulk}, a query about a person the agency holds no symbol (機関別符号) for is not
 * queued at all, so the caller can report it as a rejected row at once.
 */
public final class BulkFiling {
  private final DataSource dataSource;
  private final Clock clock;
  private final String agency;
  private final String bulkId;
  private long queued;

  private BulkFiling(DataSource dataSource, Clock clock, String agency, String bulkId) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.agency = agency;
    this.bulkId = bulkId;
  }

  /**
   * Opens a bulk (一括照会) of {@code agency} to queue queries into: the running server sends them
   * paced by its bulk window, as for {@code IntermediateServer.submitBulk}.
   */
  public static BulkFiling open(DataSource dataSource, Clock clock, String agency, String name)
      throws SQLException {
    String bulkId = UUID.randomUUID().toString();
    Jdbc.inTransaction(
        dataSource,
        c -> {
          BulkQueue.createBulk(c, agency, bulkId, name, clock.instant());
          return null;
        });
    return new BulkFiling(dataSource, clock, agency, bulkId);
  }

  public String bulkId() {
    return bulkId;
  }

  /** How many queries this filing has queued so far. */
  public long queued() {
    return queued;
  }

  /**
   * Queues {@code queries} in one transaction, after the ones added before, and returns for each
   * (in order) its linkage id, or null when the agency holds no symbol for its local id (not
   * queued).
   */
  public List<String> add(List<Query> queries) throws SQLException {
    List<String> ids = new ArrayList<>(queries.size());
    int[] added = new int[1];
    Jdbc.inTransaction(
        dataSource,
        c -> {
          ids.clear();
          Set<String> known =
              PersonLinks.withSymbol(c, agency, queries.stream().map(Query::localId).toList());
          List<Query> batch = new ArrayList<>(queries.size());
          List<String> batchIds = new ArrayList<>(queries.size());
          for (Query q : queries) {
            String id = known.contains(q.localId()) ? UUID.randomUUID().toString() : null;
            ids.add(id);
            if (id != null) {
              batch.add(q);
              batchIds.add(id);
            }
          }
          if (!batch.isEmpty()) {
            BulkQueue.enqueue(c, agency, bulkId, queued, batch, batchIds, clock.instant());
          }
          added[0] = batch.size();
          return null;
        });
    BulkQueue.analyzeWhenCrossing(dataSource, queued, queued + added[0]);
    queued += added[0];
    return ids;
  }
}
