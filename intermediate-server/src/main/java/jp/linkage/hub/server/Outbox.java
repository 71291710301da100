package jp.linkage.hub.server;

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
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Transactional outbox: a message to the hub is written in the same transaction as the change
 * that caused it, and relayed to Kafka after commit. A crash between commit and send leaves the
 * row unsent; the next relay sends it. Receivers drop duplicates by envelope id.
 */
final class Outbox {
  private final DataSource dataSource;
  private final Producer<String, byte[]> producer;
  private final EnvelopeCodec codec;

  Outbox(DataSource dataSource, Producer<String, byte[]> producer, EnvelopeCodec codec) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.codec = codec;
  }

  void add(Connection c, String topic, String key, Envelope envelope) throws SQLException {
    add(c, codec, topic, key, envelope);
  }

  /** Writes a row without a producer of one's own: a running server's relay sends it (see {@link QueryFiler}). */
  static void add(Connection c, EnvelopeCodec codec, String topic, String key, Envelope envelope)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO is_outbox (topic, msg_key, value) VALUES (?,?,?)")) {
      ps.setString(1, topic);
      ps.setString(2, key);
      ps.setBytes(3, codec.encode(envelope));
      ps.executeUpdate();
    }
  }

  /** Sends every unsent row, waits for Kafka's acknowledgements, then marks them sent. */
  synchronized int relay() throws SQLException, OutboxRelayException {
    int total = 0;
    while (true) {
      List<Long> ids = new ArrayList<>();
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement(
              "SELECT id, topic, msg_key, value FROM is_outbox WHERE NOT sent ORDER BY id LIMIT 500")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            sends.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(4))));
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
          PreparedStatement ps = c.prepareStatement("UPDATE is_outbox SET sent = true WHERE id = ANY (?)")) {
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

  /** Kafka did not take a record; the rows stay unsent and are retried. */
  static final class OutboxRelayException extends Exception {
    OutboxRelayException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
