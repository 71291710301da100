package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.audit.ChainVerifier;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.launcher.monitor.MonitorAccessLog;
import jp.linkage.hub.server.support.ServerSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hub audit verify}: recomputes every hash chain, the core's provision-records chain, the
 * monitoring pages' access log (ppc-access) and every agency's access-log chain, from genesis to head.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verify every hash chain: the core's provision records, the monitoring pages' access log and"
        + " each agency's access log."
        + " Exit 1 if any chain is broken.")
final class AuditVerifyCommand implements Callable<Integer> {
  @Mixin
  AuditSource source;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    boolean intact = true;
    try (AuditDatabases dbs = source.open()) {
      intact &= verify(out, dbs, source.coreDb, CoreSchema.CHAIN.tablePrefix(), MonitorAccessLog.CHAIN.tablePrefix());
      intact &= verify(out, dbs, source.serverDb, ServerSchema.ACCESS_LOG.tablePrefix());
    }
    out.println(intact ? "INTACT: every chain verifies from genesis to head." : "BROKEN: see above.");
    out.flush();
    return intact ? 0 : 1;
  }

  /** All chains of one database, from one snapshot so that concurrent appends cannot confuse the check. */
  private static boolean verify(PrintWriter out, AuditDatabases dbs, String database, String... prefixes)
      throws SQLException {
    out.println(dbs.url(database) + ":");
    try (Connection c = dbs.readOnly(database).getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      List<ChainVerifier.Result> results = new java.util.ArrayList<>();
      for (String prefix : prefixes) {
        if (exists(c, prefix + "_chain_entry")) { // ppc_*: only once the monitoring pages have served
          results.addAll(ChainVerifier.verifyAll(c, prefix));
        }
      }
      c.rollback();
      if (results.isEmpty()) {
        out.println("  (no chains)");
      }
      results.forEach(r -> out.println("  " + AuditReplayCommand.describe(r)));
      return results.stream().allMatch(ChainVerifier.Result::intact);
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
