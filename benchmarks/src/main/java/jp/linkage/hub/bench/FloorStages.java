package jp.linkage.hub.bench;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.linkage.hub.core.symbol.AgencySymbol;
import jp.linkage.hub.core.symbol.SymbolKeyring;
import jp.linkage.hub.core.symbol.SymbolService;
import jp.linkage.hub.iface.crypto.AgencyCredentials;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.launcher.DemoPeople;
import jp.linkage.hub.registry.P256HashToCurve;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The "bare floor" of docs/requirements.md: what a linkage cannot do without, done with no
 * framework. Symbol conversion (EC multiplication) at the hub, CMS seal at the provider and open
 * (decrypt, verify, chain check) at the querier, and per polled batch one PostgreSQL transaction
 * with batched statements: inbox rows, the hub's two events, the provider's replica read, access
 * log chain and provision record, the hub's provision-record chain, the querier's result and
 * record. Every Kafka value is padded to the size of the hub's message at that step.
 */
final class FloorStages implements Stages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource ds;
  private final MessageSizes sizes;
  private final int persons;
  private final SymbolService symbols;
  private final AgencyCredentials querier;
  private final AgencyCredentials provider;
  private final CertificateDirectory directory;
  private final PayloadProtector sealer = new PayloadProtector();
  private final PayloadProtector opener = new PayloadProtector();

  private FloorStages(
      DataSource ds,
      MessageSizes sizes,
      int persons,
      SymbolService symbols,
      AgencyCredentials querier,
      AgencyCredentials provider,
      CertificateDirectory directory) {
    this.ds = ds;
    this.sizes = sizes;
    this.persons = persons;
    this.symbols = symbols;
    this.querier = querier;
    this.provider = provider;
    this.directory = directory;
  }

  /**
   * Fresh schema; symbols for the querier (pension) and provider (Chiyoda); one replica per person.
   */
  static FloorStages prepare(DataSource ds, MessageSizes sizes, int persons)
      throws SQLException, NoSuchAlgorithmException {
    FloorSchema.create(ds);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    SymbolService symbols = new SymbolService(new SymbolKeyring(secret, 1));
    DevCertificateAuthority ca = DevCertificateAuthority.create();
    AgencyCredentials q = ca.issue(NENKIN);
    AgencyCredentials p = ca.issue(CHIYODA);
    CertificateDirectory directory = ca.newDirectory();
    directory.register(q.certificates());
    directory.register(p.certificates());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Connection c = ds.getConnection();
        PreparedStatement link = c.prepareStatement("INSERT INTO fl_person_link VALUES (?,?,?)");
        PreparedStatement replica = c.prepareStatement("INSERT INTO fl_replica VALUES (?,?,?)")) {
      for (int i = 0; i < persons; i++) {
        byte[] point =
            P256HashToCurve.hashToCurve(
                sha.digest(("bench-person-" + i).getBytes(StandardCharsets.UTF_8)));
        addLink(link, NENKIN, DemoPeople.idFor(NENKIN, i), symbols.issue(NENKIN, point).encoded());
        addLink(
            link, CHIYODA, DemoPeople.idFor(CHIYODA, i), symbols.issue(CHIYODA, point).encoded());
        replica.setString(1, CHIYODA);
        replica.setString(2, DemoPeople.idFor(CHIYODA, i));
        replica.setString(3, syntheticTax(i).toString());
        replica.addBatch();
      }
      link.executeBatch();
      replica.executeBatch();
    }
    return new FloorStages(ds, sizes, persons, symbols, q, p, directory);
  }

  private static void addLink(PreparedStatement ps, String agency, String localId, String symbol)
      throws SQLException {
    ps.setString(1, agency);
    ps.setString(2, localId);
    ps.setString(3, symbol);
    ps.addBatch();
  }

  private static ObjectNode syntheticTax(int i) {
    long income = 2_400_000L + 180_000L * (i % 9);
    ObjectNode o = JSON.createObjectNode();
    o.put("taxYear", 2026)
        .put("levyingMunicipalityCode", "131016")
        .put("taxationCategory", "1")
        .put("totalIncome", income)
        .put("taxableIncome", income - 1_300_000L)
        .put("incomeLevy", (income - 1_300_000L) / 10)
        .put("perCapitaLevy", 5_000);
    return o;
  }

  /** One statement: the query row, taking the querier's symbol from its person link. */
  @Override
  public byte[] query(String linkageId, int i) throws SQLException, BenchmarkException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO fl_query (linkage_id, agency, local_id,"
                    + " status, sent_at) SELECT ?, agency, local_id, 'SENT', ? FROM fl_person_link"
                    + " WHERE agency = ? AND local_id = ? RETURNING (SELECT symbol FROM fl_person_link"
                    + " WHERE agency = ? AND local_id = ?)")) {
      String localId = DemoPeople.idFor(NENKIN, i % persons);
      ps.setString(1, linkageId);
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setString(3, NENKIN);
      ps.setString(4, localId);
      ps.setString(5, NENKIN);
      ps.setString(6, localId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BenchmarkException("floor: no person link for " + localId, null);
        }
        return padded(rs.getString(1), sizes.query());
      }
    }
  }

  @Override
  public List<byte[]> authorise(List<ConsumerRecord<String, byte[]>> queries) throws SQLException {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = begin()) {
      FloorSchema.firstDeliveries(c, "hub", ids(queries));
      try (PreparedStatement ev =
          c.prepareStatement("INSERT INTO fl_event VALUES (?, 1, 'AUTHORISED', ?)")) {
        for (ConsumerRecord<String, byte[]> r : queries) {
          String converted =
              symbols.convert(NENKIN, AgencySymbol.decode(text(r)), CHIYODA).encoded();
          ev.setString(1, r.key());
          ev.setString(2, converted);
          ev.addBatch();
          out.add(padded(converted, sizes.provisionRequest()));
        }
        ev.executeBatch();
      }
      c.commit();
    }
    return out;
  }

  @Override
  public List<byte[]> answer(List<ConsumerRecord<String, byte[]>> requests)
      throws SQLException, IOException {
    Instant now = Instant.now();
    List<byte[]> out = new ArrayList<>();
    try (Connection c = begin()) {
      FloorSchema.firstDeliveries(c, CHIYODA, ids(requests));
      Map<String, String[]> bySymbol = replicas(c, requests);
      List<String> access = new ArrayList<>();
      try (PreparedStatement rec =
          c.prepareStatement("INSERT INTO fl_provision_record VALUES (?,?,'PROVIDER',?,?)")) {
        for (ConsumerRecord<String, byte[]> r : requests) {
          String[] found = bySymbol.get(text(r));
          ObjectNode doc =
              JSON.createObjectNode()
                  .put("item", "local-tax-info")
                  .put("edition", DemoPeople.EDITION)
                  .put("asOf", now.toString());
          doc.set("data", JSON.readTree(found[1]));
          byte[] sealed =
              sealer.seal(
                  JSON.writeValueAsBytes(doc), provider, directory.encryptionCertificate(NENKIN));
          access.add(
              "{\"access\":\"READ\",\"item\":\"local-tax-info\",\"localId\":\""
                  + found[0]
                  + "\",\"purpose\":\""
                  + r.key()
                  + "\"}");
          rec.setString(1, CHIYODA);
          rec.setString(2, r.key());
          rec.setString(3, "PROVIDED");
          rec.setTimestamp(4, Timestamp.from(now));
          rec.addBatch();
          out.add(padded(Base64.getEncoder().encodeToString(sealed), sizes.answer()));
        }
        rec.executeBatch();
      }
      FloorSchema.appendAll(c, "access-log/" + CHIYODA, "READ", access, now);
      c.commit();
    }
    return out;
  }

  private static Map<String, String[]> replicas(
      Connection c, List<ConsumerRecord<String, byte[]>> requests) throws SQLException {
    Map<String, String[]> bySymbol = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.symbol, l.local_id, r.document FROM fl_person_link l"
                + " JOIN fl_replica r USING (agency, local_id) WHERE l.agency = ? AND l.symbol = ANY (?)")) {
      ps.setString(1, CHIYODA);
      ps.setArray(2, c.createArrayOf("text", requests.stream().map(FloorStages::text).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bySymbol.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return bySymbol;
  }

  @Override
  public List<byte[]> deliver(List<ConsumerRecord<String, byte[]>> answers) throws SQLException {
    Instant now = Instant.now();
    List<byte[]> out = new ArrayList<>();
    List<String> records = new ArrayList<>();
    try (Connection c = begin()) {
      FloorSchema.firstDeliveries(c, "hub", ids(answers));
      try (PreparedStatement ev =
          c.prepareStatement("INSERT INTO fl_event VALUES (?, 2, 'ANSWERED', ?)")) {
        for (ConsumerRecord<String, byte[]> r : answers) {
          String sealed = text(r);
          ev.setString(1, r.key());
          ev.setString(2, sealed);
          ev.addBatch();
          records.add(
              "{\"linkageId\":\""
                  + r.key()
                  + "\",\"querier\":\""
                  + NENKIN
                  + "\",\"provider\":\""
                  + CHIYODA
                  + "\",\"item\":\"local-tax-info\",\"status\":\"ANSWERED\"}");
          out.add(padded(sealed, sizes.delivery()));
        }
        ev.executeBatch();
      }
      FloorSchema.appendAll(c, "provision-records", "ANSWERED", records, now);
      c.commit();
    }
    return out;
  }

  @Override
  public List<Boolean> receive(List<ConsumerRecord<String, byte[]>> deliveries)
      throws SQLException {
    Instant now = Instant.now();
    List<Boolean> ok = new ArrayList<>();
    try (Connection c = begin()) {
      FloorSchema.firstDeliveries(c, NENKIN, ids(deliveries));
      try (PreparedStatement up =
              c.prepareStatement(
                  "UPDATE fl_query SET status = 'ANSWERED', result = ?,"
                      + " completed_at = ? WHERE linkage_id = ? AND status = 'SENT'");
          PreparedStatement rec =
              c.prepareStatement("INSERT INTO fl_provision_record VALUES (?,?,'QUERIER',?,?)")) {
        for (ConsumerRecord<String, byte[]> r : deliveries) {
          byte[] plain =
              opener
                  .open(Base64.getDecoder().decode(text(r)), querier, directory, CHIYODA)
                  .content();
          up.setString(1, new String(plain, StandardCharsets.UTF_8));
          up.setTimestamp(2, Timestamp.from(now));
          up.setString(3, r.key());
          up.addBatch();
          rec.setString(1, NENKIN);
          rec.setString(2, r.key());
          rec.setString(3, "PROVIDED");
          rec.setTimestamp(4, Timestamp.from(now));
          rec.addBatch();
        }
        for (int n : up.executeBatch()) {
          ok.add(n != 0);
        }
        rec.executeBatch();
      }
      c.commit();
    }
    return ok;
  }

  private Connection begin() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(
        false); // closed uncommitted on failure: the pool rolls back, the batch is redelivered
    return c;
  }

  private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(ConsumerRecord::key).toList();
  }

  private static String text(ConsumerRecord<String, byte[]> r) {
    return new String(r.value(), StandardCharsets.US_ASCII).stripTrailing();
  }

  /** ASCII {@code text} padded with spaces to the hub's size for this step (never cut). */
  static byte[] padded(String text, int size) {
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    if (t.length >= size) {
      return t;
    }
    byte[] out = new byte[size];
    System.arraycopy(t, 0, out, 0, t.length);
    java.util.Arrays.fill(out, t.length, size, (byte) ' ');
    return out;
  }
}
