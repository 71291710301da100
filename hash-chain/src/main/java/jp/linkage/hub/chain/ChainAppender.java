package jp.linkage.hub.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends many entries to one or more hash chains in the caller's transaction with few round trips:
 * each chain's head is locked and read once (on its first entry), entries are sent as one JDBC
 * batch and each head is updated once, all on {@link #flush()}. The chain and its hashes are
 * exactly those of appending the entries one by one; {@code flush} must run before the commit. Not
 * thread-safe: one appender per transaction.
 */
public final class ChainAppender {
  private final Connection connection;
  private final String table;
  private final Map<String, Head> heads = new LinkedHashMap<>();
  private PreparedStatement entries;

  ChainAppender(Connection connection, String table) {
    this.connection = connection;
    this.table = table;
  }

  private static final class Head {
    long seq;
    String hash;
    boolean dirty;

    Head(long seq, String hash) {
      this.seq = seq;
      this.hash = hash;
    }
  }

  /** Stages one entry; it is written by {@link #flush()}. */
  public ChainEntry append(String chain, String entryType, String payload, Instant recordedAt)
      throws SQLException {
    Head head = heads.get(chain);
    if (head == null) {
      head = lockHead(chain);
      heads.put(chain, head);
    }
    long seq = head.seq + 1;
    ChainEntry entry =
        new ChainEntry(
            chain,
            seq,
            entryType,
            payload,
            recordedAt,
            head.hash,
            HashChain.hash(head.hash, chain, seq, entryType, payload, recordedAt));
    if (entries == null) {
      entries =
          connection.prepareStatement(
              "INSERT INTO "
                  + table
                  + "_chain_entry"
                  + " (chain, seq, entry_type, payload, recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?)");
    }
    entries.setString(1, chain);
    entries.setLong(2, seq);
    entries.setString(3, entryType);
    entries.setString(4, payload);
    entries.setTimestamp(5, Timestamp.from(recordedAt));
    entries.setString(6, entry.prevHash());
    entries.setString(7, entry.hash());
    entries.addBatch();
    head.seq = seq;
    head.hash = entry.hash();
    head.dirty = true;
    return entry;
  }

  /**
   * Creates the head if missing and locks it until the transaction ends, in one statement: the
   * no-op update of ON CONFLICT takes the row lock that serialises appenders of the chain.
   */
  private Head lockHead(String chain) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + "_chain_head"
                + " (chain, seq, hash) VALUES (?, -1, ?) ON CONFLICT (chain) DO UPDATE SET seq = "
                + table
                + "_chain_head.seq RETURNING seq, hash")) {
      ps.setString(1, chain);
      ps.setString(2, HashChain.GENESIS);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Head(rs.getLong(1), rs.getString(2));
      }
    }
  }

  /** Writes the staged entries and moves each touched head; the appender can be used again. */
  public void flush() throws SQLException {
    if (entries == null) {
      return;
    }
    entries.executeBatch();
    entries.close();
    entries = null;
    try (PreparedStatement up =
        connection.prepareStatement(
            "UPDATE " + table + "_chain_head SET seq = ?, hash = ? WHERE chain = ?")) {
      for (Map.Entry<String, Head> e : heads.entrySet()) {
        if (e.getValue().dirty) {
          up.setLong(1, e.getValue().seq);
          up.setString(2, e.getValue().hash);
          up.setString(3, e.getKey());
          up.addBatch();
          e.getValue().dirty = false;
        }
      }
      up.executeBatch();
    }
  }
}
