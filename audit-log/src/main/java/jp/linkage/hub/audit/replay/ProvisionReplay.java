package jp.linkage.hub.audit.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.core.CoreSystem;
import jp.linkage.hub.core.jdbc.ThreadBoundTransactionManager;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;
import jp.linkage.hub.core.records.ReplicaAlertProjection;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Replays the core's event store through {@link ProvisionRecordProjection} and {@link
 * ReplicaAlertProjection} (the classes the live tracking processor runs) into a fresh database, and
 * compares the re-derived provision records and hash chain with the live ones. Only events the live
 * projection had processed are replayed, judged by its tracking token read in the same snapshot as
 * the live rows.
 */
public final class ProvisionReplay {
  private static final int BATCH = 500;

  private ProvisionReplay() {}

  /**
   * @param events the event store to replay (usually the live core database)
   * @param live the database with the live projection and its tracking token
   * @param fresh an empty database that receives the re-derived projection
   * @throws ReplayException if {@code fresh} is not empty or the replay fails
   */
  public static ReplayReport run(DataSource events, DataSource live, DataSource fresh) {
    try {
      CoreSchema.create(fresh);
      requireEmpty(fresh);
      LiveView view = readLive(live);
      ThreadBoundTransactionManager tm = new ThreadBoundTransactionManager(fresh);
      List<AnnotationEventHandlerAdapter> projection =
          List.of(
              new AnnotationEventHandlerAdapter(
                  new ProvisionRecordProjection(tm::currentConnection)),
              new AnnotationEventHandlerAdapter(new ReplicaAlertProjection(tm::currentConnection)));
      List<EventMessage<?>> batch = new ArrayList<>();
      long[] replayed = {0};
      long read =
          EventLog.forEach(
              events,
              e -> {
                if (view.token != null && view.token.covers(e.trackingToken())) {
                  batch.add(e);
                  replayed[0]++;
                  if (batch.size() == BATCH) {
                    apply(tm, projection, batch);
                  }
                }
              });
      apply(tm, projection, batch);
      ProjectionSnapshot replayedSnapshot;
      ChainVerifier.Result replayedChain;
      try (Connection c = fresh.getConnection()) {
        replayedSnapshot = ProjectionSnapshot.read(c);
        replayedChain = verify(c);
      }
      return new ReplayReport(
          read,
          replayed[0],
          read - replayed[0],
          replayedSnapshot.rows().size(),
          replayedSnapshot.chain().size(),
          view.chain,
          replayedChain,
          ProjectionSnapshot.differences(view.snapshot, replayedSnapshot));
    } catch (SQLException e) {
      throw new ReplayException("replay failed: " + e.getMessage(), e);
    }
  }

  /** Compares the projections of two databases now (e.g. after tampering with one of them). */
  public static List<String> compare(DataSource live, DataSource replayed) throws SQLException {
    try (Connection a = live.getConnection();
        Connection b = replayed.getConnection()) {
      return ProjectionSnapshot.differences(ProjectionSnapshot.read(a), ProjectionSnapshot.read(b));
    }
  }

  private record LiveView(
      TrackingToken token, ProjectionSnapshot snapshot, ChainVerifier.Result chain) {}

  /** Token, rows and chain from one repeatable-read snapshot, so they belong together. */
  private static LiveView readLive(DataSource live) throws SQLException {
    try (Connection c = live.getConnection()) {
      c.setReadOnly(true);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return new LiveView(token(c), ProjectionSnapshot.read(c), verify(c));
      } finally {
        c.rollback();
      }
    }
  }

  private static TrackingToken token(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0")) {
      ps.setString(1, CoreSystem.RECORDS_GROUP);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ReplayException(
              "the live database has no tracking token of processor "
                  + CoreSystem.RECORDS_GROUP
                  + ": it never ran the provision-record projection",
              null);
        }
        byte[] token = rs.getBytes(1);
        return token == null
            ? null
            : EventLog.serializer()
                .deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString(2), null));
      }
    }
  }

  private static ChainVerifier.Result verify(Connection c) throws SQLException {
    return ChainVerifier.verify(
        c, CoreSchema.CHAIN.tablePrefix(), ProvisionRecordProjection.CHAIN_NAME);
  }

  private static void requireEmpty(DataSource fresh) throws SQLException {
    try (Connection c = fresh.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM core_provision_record) + (SELECT count(*) FROM core_replica_alert)"
                    + " + (SELECT count(*) FROM "
                    + CoreSchema.CHAIN.tablePrefix()
                    + "_chain_entry)");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) != 0) {
        throw new ReplayException(
            "the replay database is not empty; replay needs a fresh database", null);
      }
    }
  }

  private static void apply(
      ThreadBoundTransactionManager tm,
      List<AnnotationEventHandlerAdapter> projections,
      List<EventMessage<?>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Transaction tx = tm.startTransaction();
    try {
      for (EventMessage<?> e : batch) {
        for (AnnotationEventHandlerAdapter projection : projections) {
          projection.handle(e);
        }
      }
      tx.commit();
    } catch (Exception e) {
      tx.rollback();
      throw new ReplayException("replaying event failed: " + e.getMessage(), e);
    }
    batch.clear();
  }

  /** The replay could not run (target not empty, no live token, database error). */
  public static final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplayException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
