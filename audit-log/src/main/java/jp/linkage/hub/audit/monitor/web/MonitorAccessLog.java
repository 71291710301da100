package jp.linkage.hub.audit.monitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.chain.HashChain;

/**
 * Who looked at what on the monitoring pages: every request for data, and every refused login,
 * appended to the {@code ppc-access} hash chain (tables {@code ppc_chain_entry} / {@code
 * ppc_chain_head}) in the core's database, so the supervisors' own reading of provision records is
 * itself auditable and tamper-evident ({@code hub audit verify} checks it).
 */
public final class MonitorAccessLog {
  public static final HashChain CHAIN = new HashChain("ppc");
  public static final String CHAIN_NAME = "ppc-access";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final Clock clock;

  public MonitorAccessLog(DataSource dataSource, Clock clock) throws SQLException {
    this.dataSource = dataSource;
    this.clock = clock;
    try (Connection c = dataSource.getConnection()) {
      CHAIN.createSchema(c);
    }
  }

  /**
   * @param user the authenticated supervisor, or the name a refused login gave
   * @param request e.g. {@code GET /api/records/… ?hours=24}
   * @param outcome {@code 200}, {@code 404}, … or {@code refused}
   */
  public void append(String user, String from, String request, String outcome) throws SQLException {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("user", user);
    entry.put("from", from);
    entry.put("request", request);
    entry.put("outcome", outcome);
    String payload;
    try {
      payload = JSON.writeValueAsString(entry);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        CHAIN.append(
            c,
            CHAIN_NAME,
            "refused".equals(outcome) ? "login-refused" : "read",
            payload,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
