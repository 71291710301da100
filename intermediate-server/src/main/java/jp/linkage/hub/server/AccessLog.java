package jp.linkage.hub.server;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.linkage.hub.audit.ChainAppender;
import jp.linkage.hub.server.support.Json;

/**
 * The access log (アクセス記録) of replica data: every read and write appends an entry to the
 * agency's hash chain in the same transaction as the access itself (invariant 7).
 */
final class AccessLog {
  enum Access { READ, WRITE }

  private AccessLog() {}

  record Entry(String access, String item, String localId, String purpose) {}

  static String chainOf(String agency) {
    return "access-log/" + agency;
  }

  /**
   * Stages the entry in the transaction's appender, which the caller flushes before commit.
   *
   * @param purpose why: {@code registration} or the linkage id the read answers
   */
  static void append(ChainAppender log, String agency, Access access, String item, String localId,
      String purpose, Instant at) throws SQLException {
    String payload = Json.write(new Entry(access.name(), item, localId, purpose));
    log.append(chainOf(agency), access.name(), payload, at.truncatedTo(ChronoUnit.MILLIS));
  }
}
