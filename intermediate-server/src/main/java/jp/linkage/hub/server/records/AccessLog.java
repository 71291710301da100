package jp.linkage.hub.server.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.server.support.Json;
import jp.linkage.hub.server.support.ServerSchema;

/**
 * The access log (アクセス記録) of replica data: every read and write appends an entry to the agency's
 * hash chain in the same transaction as the access itself (invariant 7).
 */
public final class AccessLog {
  /** What an entry records. */
  public enum Access {
    READ,
    WRITE
  }

  private AccessLog() {}

  record Entry(String access, String item, String localId, String purpose) {}

  public static String chainOf(String agency) {
    return "access-log/" + agency;
  }

  /**
   * Stages the entry in the transaction's appender, which the caller flushes before commit.
   *
   * @param purpose why: {@code registration} or the linkage id the read answers
   */
  public static void append(
      ChainAppender log,
      String agency,
      Access access,
      String item,
      String localId,
      String purpose,
      Instant at)
      throws SQLException {
    String payload = Json.write(new Entry(access.name(), item, localId, purpose));
    log.append(chainOf(agency), access.name(), payload, at.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Verifies the agency's access-log chain on one snapshot, so concurrent appends cannot look like
   * a break.
   */
  public static ChainVerifier.Result verify(Connection c, String agency) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      return ChainVerifier.verify(c, ServerSchema.ACCESS_LOG.tablePrefix(), chainOf(agency));
    } finally {
      c.rollback(); // read only; also resets the pooled connection's transaction
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(true);
    }
  }
}
