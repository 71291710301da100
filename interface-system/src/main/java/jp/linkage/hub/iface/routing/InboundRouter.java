package jp.linkage.hub.iface.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.kafka.RecordBatchHandler;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every record on the to-hub topics to the core. The topic authenticates the sender (each
 * agency's principal may write only its own to-hub topic), so an envelope whose {@code source}
 * differs from the topic's agency is rejected. Bad records are answered with a {@link Rejection} on
 * the sender's from-hub topic and kept in the {@link RejectionStore}; they never stop the loop.
 */
public final class InboundRouter implements RecordBatchHandler {
  private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);
  public static final String REGISTRY_SOURCE = "/registry";

  private final EnvelopeCodec codec;
  private final HubInbound core;
  private final Producer<String, byte[]> producer;
  private final RejectionStore rejections;

  public InboundRouter(
      EnvelopeCodec codec,
      HubInbound core,
      Producer<String, byte[]> producer,
      RejectionStore rejections) {
    this.codec = codec;
    this.core = core;
    this.producer = producer;
    this.rejections = rejections;
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch) {
    try {
      core.inOneTransaction(
          () -> {
            for (ConsumerRecord<String, byte[]> record : batch) {
              route(record);
            }
          });
    } catch (Exception e) {
      if (batch.size() == 1) {
        throw e;
      }
      // nothing of the batch persisted: redo it one record per transaction, so a record that
      // fails for good holds back only the records behind it, as before batching
      log.warn(
          "batch of {} records failed in one transaction; redoing it record by record: {}",
          batch.size(),
          e.toString());
      for (ConsumerRecord<String, byte[]> record : batch) {
        core.inOneTransaction(() -> route(record));
      }
    }
    producer.flush();
  }

  private void route(ConsumerRecord<String, byte[]> record) {
    boolean fromRegistry = TopicLayout.REGISTRY_TO_HUB.equals(record.topic());
    String sender = fromRegistry ? "registry" : TopicLayout.agencyOfToHubTopic(record.topic());
    Envelope envelope = null;
    try {
      envelope = codec.decode(record.value());
      dispatch(fromRegistry, sender, envelope);
    } catch (MalformedMessageException e) {
      reject(sender, record, envelope, e);
    }
  }

  private void dispatch(boolean fromRegistry, String sender, Envelope envelope)
      throws MalformedMessageException {
    String expectedSource = fromRegistry ? REGISTRY_SOURCE : Envelope.agencySource(sender);
    if (!expectedSource.equals(envelope.source())) {
      throw new MalformedMessageException(
          "source",
          "sender-matches-topic",
          "source " + envelope.source() + " may not write to the topic of " + sender);
    }
    MessageType type = MessageType.fromWireName(envelope.type()).orElseThrow();
    switch (type) {
      case SYMBOL_ISSUE_REQUESTED -> {
        requireFrom(fromRegistry, type);
        core.symbolIssueRequested(envelope, codec.payload(envelope, SymbolIssueRequest.class));
      }
      case QUERY_REQUESTED -> {
        requireFrom(!fromRegistry, type);
        core.queryRequested(sender, envelope, codec.payload(envelope, QueryRequest.class));
      }
      case PROVISION_ANSWERED -> {
        requireFrom(!fromRegistry, type);
        core.provisionAnswered(sender, envelope, codec.payload(envelope, ProvisionAnswer.class));
      }
      case REPLICA_ALERT_REPORTED -> {
        requireFrom(!fromRegistry, type);
        core.replicaAlertReported(
            sender, envelope, codec.payload(envelope, ReplicaAlertReport.class));
      }
      default ->
          throw new MalformedMessageException(
              "type",
              "type-allowed-from-sender",
              type.wireName() + " is sent by the hub, not to it");
    }
  }

  private static void requireFrom(boolean allowed, MessageType type)
      throws MalformedMessageException {
    if (!allowed) {
      throw new MalformedMessageException(
          "type", "type-allowed-from-sender", type.wireName() + " may not be sent on this topic");
    }
  }

  private void reject(
      String sender,
      ConsumerRecord<String, byte[]> record,
      Envelope envelope,
      MalformedMessageException e) {
    String id = envelope == null ? null : envelope.id();
    String type = envelope == null ? null : envelope.type();
    log.info(
        "rejected record {}-{}@{} from {}: field {} broke rule {}",
        record.topic(),
        record.partition(),
        record.offset(),
        sender,
        e.field(),
        e.rule());
    rejections.keep(
        sender,
        record.topic(),
        record.partition(),
        record.offset(),
        id,
        e.field(),
        e.rule(),
        Redaction.redact(e.getMessage()),
        Redaction.redact(record.value()));
    if (!"registry".equals(sender)) {
      Rejection rejection =
          new Rejection(id, type, e.field(), e.rule(), Redaction.redact(e.getMessage()));
      // the id derives from the record's position, so a redelivered record's rejection is a
      // duplicate
      String replyId =
          UUID.nameUUIDFromBytes(
                  (record.topic() + "/" + record.partition() + "/" + record.offset())
                      .getBytes(StandardCharsets.UTF_8))
              .toString();
      Envelope reply =
          codec.envelope(
              replyId,
              Envelope.HUB_SOURCE,
              MessageType.MESSAGE_REJECTED,
              id == null ? "unknown" : id,
              rejection);
      producer.send(new ProducerRecord<>(TopicLayout.fromHub(sender), id, codec.encode(reply)));
    }
  }
}
