package jp.linkage.hub.server.backoffice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.replica.ReplicaRegistrar;

/** What the back-office link needs of its server; the server's wiring fills it in. */
public record BackOfficeParts(
    DataSource dataSource,
    EnvelopeCodec codec,
    Set<String> agencies,
    ReplicaRegistrar registrar,
    Outbox outbox,
    Runnable relaySoon,
    Runnable freshnessSoon,
    Clock clock,
    QueryStarter queries) {

  /** Starts a query in the caller's transaction ({@code QueryFiler.fileIn}). */
  @FunctionalInterface
  public interface QueryStarter {
    void start(Connection c, String agency, String linkageId, Query query)
        throws SQLException, UnknownPersonException;
  }
}
