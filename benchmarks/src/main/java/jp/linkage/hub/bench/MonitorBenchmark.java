package jp.linkage.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.monitor.MonitorRules;
import jp.linkage.hub.audit.monitor.Period;
import jp.linkage.hub.audit.monitor.ProvisionMonitor;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.infra.EmbeddedPostgresServer;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long the PPC's monitoring views take over many provision records: N synthetic records spread
 * evenly over 30 days (4 queriers × 4 providers × 3 items, one in 50 denied, one in 1,000 pending,
 * 200,000 persons), on embedded PostgreSQL, each view three times for the last 24 hours and the
 * last 30 days, against a raw baseline in the same run: one {@code count(*)} over the same period.
 */
@Command(
    name = "monitor-benchmark",
    mixinStandardHelpOptions = true,
    description = "Time the monitoring views over N synthetic provision records.")
public final class MonitorBenchmark implements Callable<Integer> {
  private static final Instant END = Instant.parse("2026-11-24T00:00:00Z");

  @Option(
      names = "--records",
      defaultValue = "1000000",
      description = "Provision records (default ${DEFAULT-VALUE}).")
  int records;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MonitorBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws SQLException {
    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
      pg.createDatabaseIfMissing("core");
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(pg.jdbcUrl("core"));
      ds.setUser(pg.user());
      ds.setPassword(pg.password());
      CoreSchema.create(ds);
      long t0 = System.nanoTime();
      fill(ds);
      System.out.printf("stored %,d records in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
      ProvisionMonitor monitor =
          new ProvisionMonitor(ds, MonitorRules.defaults(), Clock.systemUTC());
      for (Duration length : new Duration[] {Duration.ofHours(24), Duration.ofDays(30)}) {
        Period p = new Period(END.minus(length), END);
        for (int round = 1; round <= 3; round++) {
          double baseline = millis(() -> count(ds, p));
          double overview = millis(() -> monitor.overview(p));
          double flows = millis(() -> monitor.flows(p));
          double findings = millis(() -> monitor.findings(p));
          System.out.printf(
              "%s, round %d: baseline count %.0f ms; overview %.0f ms (%.1f×), flows %.0f ms (%.1f×),"
                  + " findings %.0f ms (%.1f×)%n",
              length,
              round,
              baseline,
              overview,
              overview / baseline,
              flows,
              flows / baseline,
              findings,
              findings / baseline);
        }
      }
    }
    return 0;
  }

  private void fill(PGSimpleDataSource ds) throws SQLException {
    double step = 30 * 86_400.0 / records;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO core_provision_record (linkage_id, querier, provider, procedure, item, status, reason,"
              + " table_version, row_id, querier_symbol, provider_symbol, requested_at, answered_at, outcome)"
              + " SELECT 'L' || g, 'q' || (g % 4), 'p' || (g / 4 % 4), 'proc' || (g % 3), 'item' || (g % 3),"
              + " CASE WHEN g % 50 = 0 THEN 'DENIED' WHEN g % 1000 = 1 THEN 'AUTHORISED' ELSE 'ANSWERED' END,"
              + " CASE WHEN g % 50 = 0 THEN 'NO_ROW' END, '2026-04', 'B2-1', 'qs' || (g % 200000), 'ps' || g,"
              + " timestamptz '2026-10-25T00:00:00Z' + (g * "
              + step
              + ") * interval '1 second',"
              + " timestamptz '2026-10-25T00:00:00Z' + (g * "
              + step
              + " + 0.2) * interval '1 second',"
              + " 'PROVIDED' FROM generate_series(1, "
              + records
              + ") g");
      s.execute("ANALYZE core_provision_record");
    }
  }

  private static long count(PGSimpleDataSource ds, Period p) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM core_provision_record WHERE requested_at >= ? AND requested_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(p.from()));
      ps.setTimestamp(2, Timestamp.from(p.to()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @FunctionalInterface
  private interface View {
    Object run() throws SQLException;
  }

  private static double millis(View view) throws SQLException {
    long t = System.nanoTime();
    view.run();
    return (System.nanoTime() - t) / 1e6;
  }
}
