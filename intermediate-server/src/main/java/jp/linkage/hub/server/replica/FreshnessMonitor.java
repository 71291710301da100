package jp.linkage.hub.server.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.server.support.SignalledWorker;
import jp.linkage.hub.server.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches replica freshness on its own thread: raises OVERDUE alerts for change notices past their
 * deadline, and answers held-back (deferred) queries once their change is registered or their bound
 * passes. Runs when signalled (after a registration in this process) and at least every period, so
 * a registration by another process (a batch import) releases its held answers too. State is only
 * in the database; a restart goes on where it stopped.
 */
public final class FreshnessMonitor extends SignalledWorker<RuntimeException> {
  private static final Logger log = LoggerFactory.getLogger(FreshnessMonitor.class);

  /** Held answers released per transaction. */
  private static final int RELEASE_BATCH = 50;

  private final DataSource dataSource;
  private final Map<String, Tenant> tenants;
  private final ProviderSide provider;
  private final Runnable relaySoon;
  private final Clock clock;

  public FreshnessMonitor(
      DataSource dataSource,
      Map<String, Tenant> tenants,
      ProviderSide provider,
      Runnable relaySoon,
      Clock clock,
      long periodMs,
      String name) {
    super(periodMs, name);
    this.dataSource = dataSource;
    this.tenants = tenants;
    this.provider = provider;
    this.relaySoon = relaySoon;
    this.clock = clock;
    start();
  }

  @Override
  protected void work() throws SQLException {
    int overdue =
        Jdbc.inTransaction(dataSource, c -> ReplicaAlerts.raiseOverdue(c, clock.instant()));
    if (overdue > 0) {
      log.warn(
          "{} replica change(s) passed their registration deadline unregistered (OVERDUE alerts raised)",
          overdue);
    }
    int released;
    do {
      released = Jdbc.inTransaction(dataSource, this::releaseDue);
      if (released > 0) {
        relaySoon.run();
      }
    } while (released == RELEASE_BATCH);
  }

  /**
   * Answers a batch of held requests of the hosted agencies in one transaction; returns how many.
   */
  private int releaseDue(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<DeferredAnswers.Deferred> due =
        DeferredAnswers.due(c, tenants.keySet(), now, RELEASE_BATCH);
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    for (DeferredAnswers.Deferred d : due) {
      ProviderSide.Prepared prepared =
          provider.prepare(c, accessLog, tenants.get(d.agency()), d.request(), now, true);
      provider.finish(c, prepared, prepared.plain() == null ? null : provider.seal(prepared));
      DeferredAnswers.remove(c, d.agency(), d.request().linkageId());
    }
    accessLog.flush();
    return due.size();
  }
}
