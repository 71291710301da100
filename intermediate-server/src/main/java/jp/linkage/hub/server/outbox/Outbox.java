package jp.linkage.hub.server.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.server.api.OutboxRelayException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Transactional outbox: a message to the hub is written in the same transaction as the change that
 * caused it, and relayed to Kafka after commit. A crash between commit and send leaves the row
 * unsent; the next relay sends it. Receivers drop duplicates by envelope id.
 */
public final class Outbox {
  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final EnvelopeCodec codec;

  /**
   * Producer on the back-office cluster for {@code bo.*} rows; until set, those rows wait unsent.
   */
  private volatile Producer<String, byte[]> backOffice;

  public Outbox(DataSource dataSource, Producer<String, byte[]> producer, EnvelopeCodec codec) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.codec = codec;
  }

  public void add(Connection c, String topic, String key, Envelope envelope) throws SQLException {
    add(c, codec, topic, key, envelope);
  }

  /**
   * Writes a row without a producer of one's own: a running server's relay sends it (see {@code
   * QueryFiler}).
   */
  public static void add(
      Connection c, EnvelopeCodec codec, String topic, String key, Envelope envelope)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO is_outbox (topic, msg_key, value) VALUES (?,?,?)")) {
      ps.setString(1, topic);
      ps.setString(2, key);
      ps.setBytes(3, codec.encode(envelope));
      ps.executeUpdate();
    }
  }

  /** Relays {@code bo.*} rows (the agency's side) with this producer rather than the hub's. */
  public void backOfficeProducer(Producer<String, byte[]> producer) {
    this.backOffice = producer;
  }

  /** Sends every unsent row, waits for Kafka's acknowledgements, then marks them sent. */
  public synchronized int relay() throws SQLException, OutboxRelayException {
    int total = 0;
    while (true) {
      List<Long> ids = new ArrayList<>();
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, topic, msg_key, value FROM is_outbox"
                      + " WHERE NOT sent AND (? OR topic NOT LIKE 'bo.%') ORDER BY id LIMIT 500")) {
        Producer<String, byte[]> bo = backOffice;
        ps.setBoolean(1, bo != null);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            String topic = rs.getString(2);
            Producer<String, byte[]> to = topic.startsWith("bo.") ? bo : producer;
            sends.add(to.send(new ProducerRecord<>(topic, rs.getString(3), rs.getBytes(4))));
          }
        }
      }
      if (ids.isEmpty()) {
        return total;
      }
      for (Future<RecordMetadata> f : sends) {
        awaitAck(f);
      }
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("UPDATE is_outbox SET sent = true WHERE id = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        ps.executeUpdate();
      }
      total += ids.size();
    }
  }

  private static void awaitAck(Future<RecordMetadata> f) throws OutboxRelayException {
    try {
      f.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxRelayException("interrupted while relaying", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new OutboxRelayException("Kafka did not acknowledge an outbox record", e);
    }
  }
}
