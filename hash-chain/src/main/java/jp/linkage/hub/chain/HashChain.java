package jp.linkage.hub.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An append-only, hash-chained log in PostgreSQL: each entry's hash covers the previous entry's
 * hash, so changing or removing any entry breaks every hash after it (改ざん検知). Appends run in the
 * caller's transaction, so an entry exists exactly when the change it records does. Appends to one
 * chain are serialised by a row lock on the chain's head.
 */
public final class HashChain {
  public static final String GENESIS = "0".repeat(64);

  private final String table;

  /**
   * @param tablePrefix e.g. {@code core} or {@code is}: tables {@code <prefix>_chain_entry/head}
   */
  public HashChain(String tablePrefix) {
    if (!tablePrefix.matches("[a-z][a-z0-9_]{0,20}")) {
      throw new IllegalArgumentException("invalid table prefix " + tablePrefix);
    }
    this.table = tablePrefix;
  }

  public void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + "_chain_head (chain text PRIMARY KEY,"
              + " seq bigint NOT NULL, hash char(64) NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + "_chain_entry (chain text NOT NULL,"
              + " seq bigint NOT NULL, entry_type text NOT NULL, payload text NOT NULL,"
              + " recorded_at timestamptz NOT NULL, prev_hash char(64) NOT NULL, hash char(64) NOT NULL,"
              + " PRIMARY KEY (chain, seq))");
    }
  }

  /** Appends one entry in the caller's transaction and returns it. */
  public ChainEntry append(
      Connection c, String chain, String entryType, String payload, Instant recordedAt)
      throws SQLException {
    ChainAppender appender = appender(c);
    ChainEntry entry = appender.append(chain, entryType, payload, recordedAt);
    appender.flush();
    return entry;
  }

  /** An appender for many entries in the caller's transaction; flush it before committing. */
  public ChainAppender appender(Connection c) {
    return new ChainAppender(c, table);
  }

  /** The entry hash: SHA-256 over the previous hash and the entry's fields, one per line. */
  public static String hash(
      String prevHash,
      String chain,
      long seq,
      String entryType,
      String payload,
      Instant recordedAt) {
    String material =
        prevHash
            + "\n"
            + chain
            + "\n"
            + seq
            + "\n"
            + entryType
            + "\n"
            + recordedAt.toEpochMilli()
            + "\n"
            + payload;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  public String tablePrefix() {
    return table;
  }
}
