package jp.linkage.hub.server.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Jdbc;

/**
 * Files queries (情報照会) into the intermediate server's database, from the server itself or from
 * another process on the same database (e.g. {@code hub batch queries}). A query is written as one
 * transaction: its is_query row (SENT) and its outbox row. The running server's outbox relay sends
 * rows it did not write itself too, because it relays at least every {@code
 * ServerWiring.RELAY_PERIOD_MS} ms whether signalled or not; the answer then completes the is_query
 * row as for any query of the agency. A bulk of queries is filed through {@code BulkFiling}.
 */
public final class QueryFiler {
  /** Linkage ids per results statement. */
  static final int READ_BATCH = 1_000;

  private final DataSource dataSource;
  private final EnvelopeCodec codec;
  private final Clock clock;

  public QueryFiler(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.codec = new EnvelopeCodec(clock);
    this.clock = clock;
  }

  /**
   * Files a query of {@code agency} and returns its linkage id.
   *
   * @throws UnknownPersonException when the agency has no symbol (機関別符号) for the query's local id
   *     yet
   */
  public String file(String agency, Query query) throws SQLException, UnknownPersonException {
    String linkageId = UUID.randomUUID().toString();
    Jdbc.inTransaction(
        dataSource,
        c -> {
          fileIn(c, agency, linkageId, query);
          return null;
        });
    return linkageId;
  }

  /**
   * Files a query with the given linkage id in the caller's transaction (e.g. one from the
   * back-office link).
   */
  public void fileIn(Connection c, String agency, String linkageId, Query query)
      throws SQLException, UnknownPersonException {
    Symbol symbol =
        PersonLinks.symbolOf(c, agency, query.localId())
            .orElseThrow(() -> new UnknownPersonException(agency, query.localId()));
    Queries.sent(c, agency, linkageId, query, clock.instant());
    queue(c, codec, agency, linkageId, query, symbol);
  }

  /**
   * Queues the query-requested envelope (id = linkage id) in the outbox, in the caller's
   * transaction; the one place a query's message is made, for interactive, back-office and bulk
   * queries alike.
   *
   * @param symbol the querier's symbol (機関別符号) for the query's person
   */
  public static void queue(
      Connection c,
      EnvelopeCodec codec,
      String agency,
      String linkageId,
      Query query,
      Symbol symbol)
      throws SQLException {
    QueryRequest request =
        new QueryRequest(
            query.procedure(),
            query.provider(),
            query.item().code(),
            symbol.encoded(),
            query.item().edition());
    Envelope envelope =
        codec.envelope(
            linkageId,
            Envelope.agencySource(agency),
            MessageType.QUERY_REQUESTED,
            linkageId,
            request);
    Outbox.add(c, codec, TopicLayout.toHub(agency), linkageId, envelope);
  }

  /**
   * Where the agency's queries stand, by linkage id; ids unknown to the database are left out. Read
   * {@value #READ_BATCH} ids per statement, so waiting for a large file costs few round trips.
   */
  public Map<String, QueryResult> results(String agency, Collection<String> linkageIds)
      throws SQLException {
    Map<String, QueryResult> found = new LinkedHashMap<>();
    List<String> ids = List.copyOf(linkageIds);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += READ_BATCH) {
        for (QueryResult r :
            Queries.findAll(
                c, agency, ids.subList(from, Math.min(ids.size(), from + READ_BATCH)))) {
          found.put(r.linkageId(), r);
        }
      }
    }
    return found;
  }
}
