package jp.linkage.hub.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.kafka.RecordBatchHandler;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what the hub sends to the hosted agencies. Each record is handled in one transaction
 * together with its inbox row, so a redelivered record (same envelope id) has no second effect.
 */
final class HubMessageHandler implements RecordBatchHandler {
  private static final Logger log = LoggerFactory.getLogger(HubMessageHandler.class);

  private final DataSource dataSource;
  private final EnvelopeCodec codec;
  private final Map<String, Tenant> tenants;
  private final ProviderSide provider;
  private final QuerierSide querier;
  private final Outbox outbox;
  private final Clock clock;
  private final Consumer<QueryCompletion> completed;

  /** @param completed told of each query's completion after its transaction committed */
  HubMessageHandler(DataSource dataSource, EnvelopeCodec codec, Map<String, Tenant> tenants,
      ProviderSide provider, QuerierSide querier, Outbox outbox, Clock clock,
      Consumer<QueryCompletion> completed) {
    this.dataSource = dataSource;
    this.codec = codec;
    this.tenants = tenants;
    this.provider = provider;
    this.querier = querier;
    this.outbox = outbox;
    this.clock = clock;
    this.completed = completed;
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
    for (ConsumerRecord<String, byte[]> record : batch) {
      String agency = record.topic().substring("ipn.".length(), record.topic().length() - ".from-hub".length());
      Tenant tenant = tenants.get(agency);
      if (tenant == null) {
        continue;
      }
      Envelope envelope;
      try {
        envelope = codec.decode(record.value());
      } catch (MalformedMessageException e) {
        log.warn("{}: unreadable record from the hub at {}@{}: {} ({})", agency, record.partition(),
            record.offset(), e.field(), e.rule());
        continue;
      }
      Optional<QueryCompletion> done = Jdbc.inTransaction(dataSource, c -> {
        if (!firstDelivery(c, agency, envelope.id())) {
          return Optional.empty();
        }
        try {
          return dispatch(c, tenant, envelope);
        } catch (MalformedMessageException e) {
          // a hub message we cannot read must not block the ones behind it: keep it, go on
          return querier.rejected(c, agency, new Rejection(envelope.id(), envelope.type(), e.field(),
              e.rule(), "message from the hub not accepted: " + e.getMessage()), clock.instant());
        }
      });
      done.ifPresent(completed);
    }
    outbox.relay();
  }

  private static boolean firstDelivery(Connection c, String agency, String messageId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO is_inbox (agency, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, agency);
      ps.setString(2, messageId);
      return ps.executeUpdate() == 1;
    }
  }

  private Optional<QueryCompletion> dispatch(Connection c, Tenant tenant, Envelope envelope) throws Exception {
    Instant now = clock.instant();
    MessageType type = MessageType.fromWireName(envelope.type()).orElseThrow();
    String agency = tenant.agency();
    switch (type) {
      case SYMBOL_ISSUED -> {
        SymbolIssued issued = codec.payload(envelope, SymbolIssued.class);
        querier.symbolIssued(c, agency, issued, now);
        return Optional.empty();
      }
      case PROVISION_REQUESTED -> {
        provider.answer(c, tenant, codec.payload(envelope, ProvisionRequest.class), now);
        return Optional.empty();
      }
      case ANSWER_DELIVERED -> {
        return querier.delivered(c, tenant, codec.payload(envelope, AnswerDelivery.class), now);
      }
      case QUERY_DENIED -> {
        return querier.denied(c, agency, codec.payload(envelope, QueryDenied.class), now);
      }
      case MESSAGE_REJECTED -> {
        return querier.rejected(c, agency, codec.payload(envelope, Rejection.class), now);
      }
      default -> {
        log.warn("{}: unexpected {} from the hub", agency, type);
        return Optional.empty();
      }
    }
  }
}
