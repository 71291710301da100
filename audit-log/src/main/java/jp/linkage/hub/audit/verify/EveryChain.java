package jp.linkage.hub.audit.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.audit.monitor.web.MonitorAccessLog;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.server.support.ServerSchema;

/**
 * Every hash chain of a hub, recomputed from genesis to head ({@code hub audit verify}): in the
 * core's database the provision-records chain and the monitoring pages' access log ({@code
 * ppc-access}), in the intermediate server's database every agency's access-log chain. Each
 * database is read in one repeatable-read snapshot, so that concurrent appends cannot confuse the
 * check.
 */
public final class EveryChain {
  private final DataSource core;
  private final DataSource server;

  /**
   * @param core the core's database (read-only connections will do)
   * @param server the intermediate server's database (read-only connections will do)
   */
  public EveryChain(DataSource core, DataSource server) {
    this.core = core;
    this.server = server;
  }

  /**
   * The core's chains: provision records, and {@code ppc-access} once the monitoring pages have
   * served.
   */
  public List<ChainVerifier.Result> inCore() throws SQLException {
    return verify(core, CoreSchema.CHAIN.tablePrefix(), MonitorAccessLog.CHAIN.tablePrefix());
  }

  /** The intermediate server's chains: one access log per agency. */
  public List<ChainVerifier.Result> inServer() throws SQLException {
    return verify(server, ServerSchema.ACCESS_LOG.tablePrefix());
  }

  /** One line for an auditor, e.g. {@code provision-records, 12 entries, intact}. */
  public static String describe(ChainVerifier.Result r) {
    return r.chain()
        + ", "
        + r.entries()
        + " entries, "
        + (r.intact() ? "intact" : "BROKEN: " + r.firstBreak().get());
  }

  /**
   * All chains of one database, from one snapshot so that concurrent appends cannot confuse the
   * check.
   */
  private static List<ChainVerifier.Result> verify(DataSource database, String... prefixes)
      throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      List<ChainVerifier.Result> results = new ArrayList<>();
      for (String prefix : prefixes) {
        if (exists(
            c, prefix + "_chain_entry")) { // ppc_*: only once the monitoring pages have served
          results.addAll(ChainVerifier.verifyAll(c, prefix));
        }
      }
      c.rollback();
      return results;
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
