package jp.linkage.hub.iface.client;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A small client for an agency's systems: sends envelopes on the agency's to-hub topic and hands
 * what arrives on its from-hub topic to a {@link HubListener}. Any stock Kafka client can do the
 * same with the documented envelope; this one only saves the boilerplate.
 *
 * <pre>{@code
 * try (HubClient hub = HubClient.connect("localhost:9092", "nenkin", "nenkin-backoffice", listener)) {
 *   String linkageId = hub.query(new QueryRequest("pension-benefit-eligibility", "muni-131016",
 *       "local-tax-info", symbol, "2026-04"));
 * }
 * }</pre>
 */
public final class HubClient implements AutoCloseable {
  private final String agency;
  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final Producer<String, byte[]> producer;
  private final ConsumerLoop consumer;

  private HubClient(String bootstrap, String agency, String groupId, HubListener listener) {
    this.agency = agency;
    this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, agency + "-client"));
    this.consumer =
        listener == null
            ? null
            : ConsumerLoop.start(
                KafkaSettings.consumer(bootstrap, groupId),
                c -> c.subscribe(List.of(TopicLayout.fromHub(agency))),
                batch -> dispatch(batch, listener),
                agency + "-client");
  }

  /**
   * @param groupId the consumer group; keep it stable so that a restart resumes where it stopped
   * @param listener receives the hub's messages, or {@code null} to only send
   */
  public static HubClient connect(
      String bootstrap, String agency, String groupId, HubListener listener) {
    if (!TopicLayout.isValidAgencyCode(agency)) {
      throw new IllegalArgumentException("not a valid agency code: " + agency);
    }
    return new HubClient(bootstrap, agency, groupId, listener);
  }

  /** Sends a query (情報照会); returns its linkage id (the envelope id). */
  public String query(QueryRequest request) throws HubUnavailableException {
    String linkageId = UUID.randomUUID().toString();
    send(
        codec.envelope(
            linkageId,
            Envelope.agencySource(agency),
            MessageType.QUERY_REQUESTED,
            linkageId,
            request));
    return linkageId;
  }

  /** Answers a provision request (情報提供). */
  public void answer(ProvisionAnswer answer) throws HubUnavailableException {
    send(
        codec.envelope(
            Envelope.agencySource(agency),
            MessageType.PROVISION_ANSWERED,
            answer.linkageId(),
            answer));
  }

  /** Sends a prepared envelope and waits for Kafka's acknowledgement. */
  public void send(Envelope envelope) throws HubUnavailableException {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  TopicLayout.toHub(agency), envelope.correlationid(), codec.encode(envelope)))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubUnavailableException("interrupted while sending " + envelope.id(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new HubUnavailableException("Kafka did not acknowledge " + envelope.id(), e);
    }
  }

  public EnvelopeCodec codec() {
    return codec;
  }

  private void dispatch(List<ConsumerRecord<String, byte[]>> batch, HubListener listener)
      throws BatchFailedException {
    for (ConsumerRecord<String, byte[]> record : batch) {
      Envelope e;
      try {
        e = codec.decode(record.value());
        switch (MessageType.fromWireName(e.type()).orElseThrow()) {
          case SYMBOL_ISSUED -> listener.symbolIssued(e, codec.payload(e, SymbolIssued.class));
          case PROVISION_REQUESTED ->
              listener.provisionRequested(e, codec.payload(e, ProvisionRequest.class));
          case ANSWER_DELIVERED ->
              listener.answerDelivered(e, codec.payload(e, AnswerDelivery.class));
          case QUERY_DENIED -> listener.queryDenied(e, codec.payload(e, QueryDenied.class));
          case MESSAGE_REJECTED -> listener.rejected(e, codec.payload(e, Rejection.class));
          default ->
              listener.unreadable(record.topic(), record.offset(), "type", "type-sent-by-hub");
        }
      } catch (MalformedMessageException bad) {
        listener.unreadable(record.topic(), record.offset(), bad.field(), bad.rule());
      }
    }
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
    }
    producer.close();
  }

  /** Kafka did not take the message; nothing was sent, it may be retried. */
  public static final class HubUnavailableException extends Exception {
    HubUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
