package jp.linkage.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An append-only, hash-chained log in PostgreSQL: each entry's hash covers the previous entry's
 * hash, so changing or removing any entry breaks every hash after it (改ざん検知). Appends run in
 * the caller's transaction, so an entry exists exactly when the change it records does. Appends to
 * one chain are serialised by a row lock on the chain's head.
 */
public final class HashChain {
  public static final String GENESIS = "0".repeat(64);

  private final String table;

  /** @param tablePrefix e.g. {@code core} or {@code is}: tables {@code <prefix>_chain_entry/head} */
  public HashChain(String tablePrefix) {
    if (!tablePrefix.matches("[a-z][a-z0-9_]{0,20}")) {
      throw new IllegalArgumentException("invalid table prefix " + tablePrefix);
    }
    this.table = tablePrefix;
  }

  public void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + table + "_chain_head (chain text PRIMARY KEY,"
          + " seq bigint NOT NULL, hash char(64) NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS " + table + "_chain_entry (chain text NOT NULL,"
          + " seq bigint NOT NULL, entry_type text NOT NULL, payload text NOT NULL,"
          + " recorded_at timestamptz NOT NULL, prev_hash char(64) NOT NULL, hash char(64) NOT NULL,"
          + " PRIMARY KEY (chain, seq))");
    }
  }

  /** Appends one entry in the caller's transaction and returns it. */
  public ChainEntry append(Connection c, String chain, String entryType, String payload,
      Instant recordedAt) throws SQLException {
    long seq = 0;
    String prev = GENESIS;
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table
        + "_chain_head (chain, seq, hash) VALUES (?, -1, ?) ON CONFLICT (chain) DO NOTHING")) {
      ins.setString(1, chain);
      ins.setString(2, GENESIS);
      ins.executeUpdate();
    }
    try (PreparedStatement q = c.prepareStatement(
        "SELECT seq, hash FROM " + table + "_chain_head WHERE chain = ? FOR UPDATE")) {
      q.setString(1, chain);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        seq = rs.getLong(1) + 1;
        prev = rs.getString(2);
      }
    }
    ChainEntry entry = new ChainEntry(chain, seq, entryType, payload, recordedAt, prev,
        hash(prev, chain, seq, entryType, payload, recordedAt));
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + "_chain_entry"
        + " (chain, seq, entry_type, payload, recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?)")) {
      ins.setString(1, chain);
      ins.setLong(2, seq);
      ins.setString(3, entryType);
      ins.setString(4, payload);
      ins.setTimestamp(5, Timestamp.from(recordedAt));
      ins.setString(6, prev);
      ins.setString(7, entry.hash());
      ins.executeUpdate();
    }
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE " + table + "_chain_head SET seq = ?, hash = ? WHERE chain = ?")) {
      up.setLong(1, seq);
      up.setString(2, entry.hash());
      up.setString(3, chain);
      up.executeUpdate();
    }
    return entry;
  }

  /** The entry hash: SHA-256 over the previous hash and the entry's fields, one per line. */
  public static String hash(String prevHash, String chain, long seq, String entryType, String payload,
      Instant recordedAt) {
    String material = prevHash + "\n" + chain + "\n" + seq + "\n" + entryType + "\n"
        + recordedAt.toEpochMilli() + "\n" + payload;
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public String tablePrefix() {
    return table;
  }
}
