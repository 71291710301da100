package jp.linkage.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a hash chain from genesis to head without trusting the hub: recomputes every hash,
 * checks each link, sequence gaps and the head. Kept apart from {@link HashChain} so an auditor
 * can run it alone.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /** The result of verifying one chain: how many entries, and the first break if any. */
  public record Result(String chain, long entries, Optional<String> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  public static Result verify(Connection c, String tablePrefix, String chain) throws SQLException {
    String prev = HashChain.GENESIS;
    long expectedSeq = 0;
    try (PreparedStatement q = c.prepareStatement("SELECT seq, entry_type, payload, recorded_at,"
        + " prev_hash, hash FROM " + tablePrefix + "_chain_entry WHERE chain = ? ORDER BY seq")) {
      q.setString(1, chain);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          if (seq != expectedSeq) {
            return broken(chain, expectedSeq, "entry " + expectedSeq + " is missing");
          }
          if (!prev.equals(rs.getString(5))) {
            return broken(chain, expectedSeq, "entry " + seq + " does not link to its predecessor");
          }
          Instant at = rs.getTimestamp(4).toInstant();
          String recomputed = HashChain.hash(prev, chain, seq, rs.getString(2), rs.getString(3), at);
          if (!recomputed.equals(rs.getString(6))) {
            return broken(chain, expectedSeq, "entry " + seq + " was altered (hash mismatch)");
          }
          prev = recomputed;
          expectedSeq++;
        }
      }
    }
    try (PreparedStatement q = c.prepareStatement(
        "SELECT seq, hash FROM " + tablePrefix + "_chain_head WHERE chain = ?")) {
      q.setString(1, chain);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next() && (rs.getLong(1) != expectedSeq - 1 || !rs.getString(2).equals(prev))) {
          return broken(chain, expectedSeq, "the chain head does not match the last entry (truncated?)");
        }
      }
    }
    return new Result(chain, expectedSeq, Optional.empty());
  }

  private static Result broken(String chain, long entries, String why) {
    return new Result(chain, entries, Optional.of(why));
  }
}
