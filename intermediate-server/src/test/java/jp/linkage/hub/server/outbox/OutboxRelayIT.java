package jp.linkage.hub.server.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.testing.SharedInfrastructure;
import jp.linkage.hub.testing.Sql;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay thread: a committed row is sent after a signal, and also without any signal
 * (nothing may wait for further traffic); rows are marked sent only once Kafka took them.
 */
class OutboxRelayIT {
  private static final EnvelopeCodec CODEC = new EnvelopeCodec();
  private static DataSource db;

  @BeforeAll
  static void schema() throws SQLException {
    db = SharedInfrastructure.get().dataSource("outbox_relay_it");
    ServerSchema.create(db);
  }

  private static void addRow(Outbox outbox, String key) throws Exception {
    Envelope e =
        CODEC.envelope(
            Envelope.agencySource("nenkin"),
            MessageType.QUERY_DENIED,
            key,
            new QueryDenied(key, "R", "m", null));
    Jdbc.inTransaction(
        db,
        c -> {
          outbox.add(c, "ipn.nenkin.to-hub", key, e);
          return null;
        });
  }

  private static long unsent() throws SQLException {
    return Sql.count(db, "SELECT count(*) FROM is_outbox WHERE NOT sent");
  }

  @Test
  void aRowIsRelayedWithoutASignalAndAfterOne() throws Exception {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    Outbox outbox = new Outbox(db, producer, CODEC);
    outbox.relay(); // rows of other runs of this test class
    try (OutboxRelay relay = new OutboxRelay(outbox, 200, "outbox-relay-it")) {
      addRow(outbox, "no-signal");
      await("the periodic relay sends the row nobody signalled")
          .atMost(Duration.ofSeconds(10))
          .until(() -> producer.history().size() == 1 && unsent() == 0);
      addRow(outbox, "signalled");
      relay.signal();
      await("the signalled row is sent")
          .atMost(Duration.ofSeconds(10))
          .until(() -> producer.history().size() == 2 && unsent() == 0);
      assertEquals("signalled", producer.history().get(1).key());
    }
  }

  @Test
  void rowsKafkaDidNotTakeStayUnsentAndAreRetried() throws Exception {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    Outbox outbox = new Outbox(db, producer, CODEC);
    try (OutboxRelay relay = new OutboxRelay(outbox, 100, "outbox-relay-it-fail")) {
      addRow(outbox, "refused");
      relay.signal();
      await("the relay sends")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !producer.history().isEmpty());
      producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
      assertEquals(1, unsent(), "not acknowledged, so not marked sent");
      await("the relay tries again")
          .atMost(Duration.ofSeconds(10))
          .until(() -> producer.history().size() >= 2);
      await("the retried row is marked sent once Kafka acknowledges it")
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                while (producer.completeNext()) {
                  // acknowledge the retry (and any later attempt)
                }
                return unsent() == 0;
              });
    }
  }
}
