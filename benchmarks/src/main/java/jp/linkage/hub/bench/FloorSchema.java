package jp.linkage.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.chain.HashChain;

/**
 * The bare floor's tables (own database): the least a linkage must durably write, each step writing
 * a whole polled batch in one transaction. Hash chains reuse the hash-chain layout and hash, but
 * append a batch with one head lock instead of one per entry.
 */
final class FloorSchema {
  static final HashChain CHAINS = new HashChain("fl");

  private FloorSchema() {}

  static void create(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "DROP TABLE IF EXISTS fl_query, fl_event, fl_inbox, fl_provision_record, fl_person_link,"
              + " fl_replica, fl_chain_entry, fl_chain_head");
      s.execute(
          "CREATE TABLE fl_person_link (agency text NOT NULL, local_id text NOT NULL,"
              + " symbol text NOT NULL, PRIMARY KEY (agency, local_id), UNIQUE (agency, symbol))");
      s.execute(
          "CREATE TABLE fl_replica (agency text NOT NULL, local_id text NOT NULL,"
              + " document text NOT NULL, PRIMARY KEY (agency, local_id))");
      s.execute(
          "CREATE TABLE fl_query (linkage_id text PRIMARY KEY, agency text NOT NULL,"
              + " local_id text NOT NULL, status text NOT NULL, result text, sent_at timestamptz NOT NULL,"
              + " completed_at timestamptz)");
      s.execute(
          "CREATE TABLE fl_event (linkage_id text NOT NULL, seq int NOT NULL, type text NOT NULL,"
              + " payload text NOT NULL, PRIMARY KEY (linkage_id, seq))");
      s.execute(
          "CREATE TABLE fl_inbox (agency text NOT NULL, message_id text NOT NULL,"
              + " PRIMARY KEY (agency, message_id))");
      s.execute(
          "CREATE TABLE fl_provision_record (agency text NOT NULL, linkage_id text NOT NULL,"
              + " role text NOT NULL, outcome text NOT NULL, recorded_at timestamptz NOT NULL,"
              + " PRIMARY KEY (agency, linkage_id))");
      CHAINS.createSchema(c);
    }
  }

  /**
   * Appends {@code payloads} to {@code chain} in the caller's transaction, locking the head once.
   */
  static void appendAll(Connection c, String chain, String type, List<String> payloads, Instant at)
      throws SQLException {
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO fl_chain_head (chain, seq, hash) VALUES (?, -1, ?) ON CONFLICT (chain) DO NOTHING")) {
      ins.setString(1, chain);
      ins.setString(2, HashChain.GENESIS);
      ins.executeUpdate();
    }
    long seq;
    String prev;
    try (PreparedStatement q =
        c.prepareStatement("SELECT seq, hash FROM fl_chain_head WHERE chain = ? FOR UPDATE")) {
      q.setString(1, chain);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
        prev = rs.getString(2);
      }
    }
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO fl_chain_entry (chain, seq, entry_type,"
                + " payload, recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?)")) {
      for (String payload : payloads) {
        seq++;
        String hash = HashChain.hash(prev, chain, seq, type, payload, at);
        ins.setString(1, chain);
        ins.setLong(2, seq);
        ins.setString(3, type);
        ins.setString(4, payload);
        ins.setTimestamp(5, Timestamp.from(at));
        ins.setString(6, prev);
        ins.setString(7, hash);
        ins.addBatch();
        prev = hash;
      }
      ins.executeBatch();
    }
    try (PreparedStatement up =
        c.prepareStatement("UPDATE fl_chain_head SET seq = ?, hash = ? WHERE chain = ?")) {
      up.setLong(1, seq);
      up.setString(2, prev);
      up.setString(3, chain);
      up.executeUpdate();
    }
  }

  /** Drops ids already in the inbox (redeliveries) and records the rest; returns the new ones. */
  static List<Boolean> firstDeliveries(Connection c, String agency, List<String> messageIds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO fl_inbox (agency, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (String id : messageIds) {
        ps.setString(1, agency);
        ps.setString(2, id);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      return java.util.Arrays.stream(counts).mapToObj(n -> n != 0).toList();
    }
  }
}
