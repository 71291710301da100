package jp.linkage.hub.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a hash chain from genesis to head without trusting the hub: recomputes every hash, checks
 * each link, sequence gaps and the head. Kept apart from {@link HashChain} so an auditor can run it
 * alone.
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
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT seq, entry_type, payload, recorded_at,"
                + " prev_hash, hash FROM "
                + tablePrefix
                + "_chain_entry WHERE chain = ? ORDER BY seq")) {
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
          String recomputed =
              HashChain.hash(prev, chain, seq, rs.getString(2), rs.getString(3), at);
          if (!recomputed.equals(rs.getString(6))) {
            return broken(chain, expectedSeq, "entry " + seq + " was altered (hash mismatch)");
          }
          prev = recomputed;
          expectedSeq++;
        }
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT seq, hash FROM " + tablePrefix + "_chain_head WHERE chain = ?")) {
      q.setString(1, chain);
      try (ResultSet rs = q.executeQuery()) {
        boolean hasHead = rs.next();
        if (!hasHead && expectedSeq > 0) {
          return broken(chain, expectedSeq, "the chain head is missing");
        }
        if (hasHead && (rs.getLong(1) != expectedSeq - 1 || !rs.getString(2).equals(prev))) {
          return broken(
              chain, expectedSeq, "the chain head does not match the last entry (truncated?)");
        }
      }
    }
    return new Result(chain, expectedSeq, Optional.empty());
  }

  /** Verifies every chain that has an entry or a head in {@code <tablePrefix>_chain_entry/head}. */
  public static List<Result> verifyAll(Connection c, String tablePrefix) throws SQLException {
    List<String> chains = new ArrayList<>();
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT chain FROM "
                    + tablePrefix
                    + "_chain_entry"
                    + " UNION SELECT chain FROM "
                    + tablePrefix
                    + "_chain_head ORDER BY chain");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        chains.add(rs.getString(1));
      }
    }
    List<Result> results = new ArrayList<>();
    for (String chain : chains) {
      results.add(verify(c, tablePrefix, chain));
    }
    return results;
  }

  private static Result broken(String chain, long entries, String why) {
    return new Result(chain, entries, Optional.of(why));
  }
}
