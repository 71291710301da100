package jp.linkage.hub.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.linkage.hub.testing.SharedInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Invariant 7, tamper evidence: on real PostgreSQL, a chain verifies after appends, and altering a
 * payload, deleting an entry, truncating the tail or dropping the head is each detected with its
 * own message. Each test uses its own chain.
 */
class HashChainIT {
  private static final HashChain CHAIN = new HashChain("hcit");
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00.123Z");
  private static DataSource db;

  @BeforeAll
  static void schema() throws SQLException {
    db = SharedInfrastructure.get().dataSource("hash_chain_it");
    try (Connection c = db.getConnection()) {
      CHAIN.createSchema(c);
    }
  }

  /** A fresh chain of five entries named after the test. */
  private static String fiveEntries(TestInfo test) throws SQLException {
    String chain = test.getTestMethod().orElseThrow().getName();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < 5; i++) {
        CHAIN.append(c, chain, "READ", "{\"n\":" + i + "}", T0.plusSeconds(i));
      }
      c.commit();
    }
    return chain;
  }

  private static Optional<String> verify(String chain) throws SQLException {
    try (Connection c = db.getConnection()) {
      return ChainVerifier.verify(c, "hcit", chain).firstBreak();
    }
  }

  private static void sql(String sql, String chain) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, chain);
      assertEquals(1, ps.executeUpdate(), sql);
    }
  }

  @Test
  void appendedEntriesLinkAndVerify(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    try (Connection c = db.getConnection()) {
      ChainVerifier.Result r = ChainVerifier.verify(c, "hcit", chain);
      assertTrue(r.intact(), r.toString());
      assertEquals(5, r.entries());
      c.setAutoCommit(false);
      ChainEntry sixth = CHAIN.append(c, chain, "WRITE", "{}", T0.plusSeconds(9));
      c.commit();
      assertEquals(5, sixth.seq());
      assertEquals(
          HashChain.hash(sixth.prevHash(), chain, 5, "WRITE", "{}", T0.plusSeconds(9)),
          sixth.hash());
      assertEquals(6, ChainVerifier.verify(c, "hcit", chain).entries());
    }
  }

  @Test
  void anAppenderWritesTheSameChainAsSingleAppendsWithOneHeadUpdatePerChain(TestInfo test)
      throws SQLException {
    String a = test.getTestMethod().orElseThrow().getName() + "-a";
    String b = test.getTestMethod().orElseThrow().getName() + "-b";
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      CHAIN.append(c, a, "WRITE", "{}", T0); // an existing head is continued, not restarted
      ChainAppender appender = CHAIN.appender(c);
      ChainEntry last = null;
      for (int i = 0; i < 4; i++) {
        last = appender.append(a, "READ", "{\"n\":" + i + "}", T0.plusSeconds(i));
        appender.append(b, "READ", "{\"m\":" + i + "}", T0.plusSeconds(i));
      }
      appender.flush();
      appender.append(b, "WRITE", "{}", T0.plusSeconds(9)); // usable again after a flush
      appender.flush();
      c.commit();
      assertEquals(4, last.seq());
      assertEquals(
          HashChain.hash(last.prevHash(), a, 4, "READ", "{\"n\":3}", T0.plusSeconds(3)),
          last.hash());
      ChainVerifier.Result ra = ChainVerifier.verify(c, "hcit", a);
      ChainVerifier.Result rb = ChainVerifier.verify(c, "hcit", b);
      assertTrue(ra.intact() && rb.intact(), ra + " / " + rb);
      assertEquals(5, ra.entries());
      assertEquals(5, rb.entries());
      ChainEntry next = CHAIN.append(c, a, "READ", "{}", T0.plusSeconds(20));
      c.commit();
      assertEquals(5, next.seq());
      assertEquals(last.hash(), next.prevHash());
    }
  }

  @Test
  void alteredPayloadIsDetected(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    sql("UPDATE hcit_chain_entry SET payload = '{\"n\":99}' WHERE chain = ? AND seq = 2", chain);
    assertEquals(Optional.of("entry 2 was altered (hash mismatch)"), verify(chain));
  }

  @Test
  void alteredEntryWithRecomputedHashBreaksTheNextLink(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE hcit_chain_entry SET payload = ?, hash = ? WHERE chain = ? AND seq = 2 RETURNING 1")) {
      String prev;
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT prev_hash FROM hcit_chain_entry WHERE chain = ? AND seq = 2")) {
        q.setString(1, chain);
        var rs = q.executeQuery();
        rs.next();
        prev = rs.getString(1);
      }
      ps.setString(1, "{\"n\":99}");
      ps.setString(2, HashChain.hash(prev, chain, 2, "READ", "{\"n\":99}", T0.plusSeconds(2)));
      ps.setString(3, chain);
      assertTrue(ps.executeQuery().next());
    }
    assertEquals(Optional.of("entry 3 does not link to its predecessor"), verify(chain));
  }

  @Test
  void deletedEntryIsDetected(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    sql("DELETE FROM hcit_chain_entry WHERE chain = ? AND seq = 1", chain);
    assertEquals(Optional.of("entry 1 is missing"), verify(chain));
  }

  @Test
  void truncatedTailIsDetected(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    sql("DELETE FROM hcit_chain_entry WHERE chain = ? AND seq = 4", chain);
    assertEquals(
        Optional.of("the chain head does not match the last entry (truncated?)"), verify(chain));
  }

  @Test
  void removedHeadIsDetected(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    sql("DELETE FROM hcit_chain_head WHERE chain = ?", chain);
    assertEquals(Optional.of("the chain head is missing"), verify(chain));
  }

  @Test
  void verifyAllCoversEveryChain(TestInfo test) throws SQLException {
    String chain = fiveEntries(test);
    try (Connection c = db.getConnection()) {
      List<ChainVerifier.Result> all = ChainVerifier.verifyAll(c, "hcit");
      assertTrue(
          all.stream().anyMatch(r -> r.chain().equals(chain) && r.intact() && r.entries() == 5),
          all.toString());
    }
  }
}
