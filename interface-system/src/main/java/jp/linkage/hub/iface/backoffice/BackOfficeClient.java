package jp.linkage.hub.iface.backoffice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import jp.linkage.hub.iface.backoffice.message.BackOfficeQuery;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.ChangeNoticed;
import jp.linkage.hub.iface.backoffice.message.MasterChanged;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaAlertRaised;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A back-office (業務システム) on the JVM talking to its intermediate server over Kafka, as {@link
 * jp.linkage.hub.iface.client.HubClient} talks to the hub: sends on {@code bo.<agency>.to-server},
 * hands what arrives on {@code bo.<agency>.from-server} to a {@link BackOfficeListener}. Any Kafka
 * client can do the same with the documented JSON (docs/backoffice-linkage.md). Never send a My
 * Number here.
 *
 * <pre>{@code
 * try (BackOfficeClient bo = BackOfficeClient.connect("localhost:9092", "hi-kenpo-06130001", "kenpo-bo", listener)) {
 *   bo.sendMasterChange(new MasterChanged("medical-insurance-eligibility", "K000000", "2026-04", changedAt, data));
 * }
 * }</pre>
 */
public final class BackOfficeClient implements AutoCloseable {
  private final String agency;
  private final EnvelopeCodec codec = new EnvelopeCodec();
  private final Producer<String, byte[]> producer;
  private final ConsumerLoop consumer;

  private BackOfficeClient(
      String bootstrap, String agency, String groupId, BackOfficeListener listener) {
    this.agency = agency;
    this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, agency + "-backoffice"));
    this.consumer =
        listener == null
            ? null
            : ConsumerLoop.start(
                KafkaSettings.consumer(bootstrap, groupId),
                c -> c.subscribe(List.of(TopicLayout.backOfficeFromServer(agency))),
                batch -> dispatch(batch, listener),
                agency + "-backoffice");
  }

  /**
   * @param bootstrap the back-office Kafka cluster (the agency's side; the hub's in the demo)
   * @param groupId the consumer group; keep it stable so that a restart resumes where it stopped
   * @param listener receives the server's messages, or {@code null} to only send
   */
  public static BackOfficeClient connect(
      String bootstrap, String agency, String groupId, BackOfficeListener listener) {
    if (!TopicLayout.isValidAgencyCode(agency)) {
      throw new IllegalArgumentException("not a valid agency code: " + agency);
    }
    return new BackOfficeClient(bootstrap, agency, groupId, listener);
  }

  /**
   * Sends a master change (副本登録); returns its envelope id, which the acknowledgement correlates.
   */
  public String sendMasterChange(MasterChanged change) throws BackOfficeUnavailableException {
    return send(BackOfficeMessageType.MASTER_CHANGED, change.localId(), change);
  }

  /** Sends a change notice (異動通知); returns its envelope id. */
  public String noticeChange(String item, String localId, Instant masterChangedAt)
      throws BackOfficeUnavailableException {
    return send(
        BackOfficeMessageType.CHANGE_NOTICED,
        localId,
        new ChangeNoticed(item, localId, masterChangedAt));
  }

  /** Sends a query (情報照会); returns its linkage id (the envelope id). */
  public String query(BackOfficeQuery query) throws BackOfficeUnavailableException {
    return send(BackOfficeMessageType.QUERY_REQUESTED, query.localId(), query);
  }

  private String send(BackOfficeMessageType type, String key, Record payload)
      throws BackOfficeUnavailableException {
    String id = UUID.randomUUID().toString();
    send(key, codec.envelope(id, Envelope.agencySource(agency), type.wireName(), id, payload));
    return id;
  }

  /**
   * Sends a prepared envelope (e.g. a resend with the same id) and waits for Kafka's
   * acknowledgement.
   */
  public void send(String key, Envelope envelope) throws BackOfficeUnavailableException {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  TopicLayout.backOfficeToServer(agency), key, codec.encode(envelope)))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackOfficeUnavailableException("interrupted while sending " + envelope.id(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BackOfficeUnavailableException("Kafka did not acknowledge " + envelope.id(), e);
    }
  }

  private void dispatch(List<ConsumerRecord<String, byte[]>> batch, BackOfficeListener listener)
      throws BatchFailedException {
    for (ConsumerRecord<String, byte[]> record : batch) {
      try {
        Envelope e =
            codec.decode(record.value(), t -> BackOfficeMessageType.fromWireName(t).isPresent());
        switch (BackOfficeMessageType.fromWireName(e.type()).orElseThrow()) {
          case REPLICA_REGISTERED ->
              listener.registered(e, codec.payload(e, ReplicaRegistered.class));
          case NOTICE_RECEIVED ->
              listener.noticeReceived(e, codec.payload(e, NoticeReceived.class));
          case QUERY_COMPLETED ->
              listener.queryCompleted(e, codec.payload(e, QueryCompleted.class));
          case REPLICA_ALERT -> listener.alert(e, codec.payload(e, ReplicaAlertRaised.class));
          case MESSAGE_REJECTED ->
              listener.rejected(e, codec.payload(e, BackOfficeRejection.class));
          default ->
              listener.unreadable(record.topic(), record.offset(), "type", "type-sent-by-server");
        }
      } catch (MalformedMessageException bad) {
        listener.unreadable(record.topic(), record.offset(), bad.field(), bad.rule());
      }
    }
  }

  public EnvelopeCodec codec() {
    return codec;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
    }
    producer.close();
  }

  /** Kafka did not take the message; nothing was sent, it may be retried with the same envelope. */
  public static final class BackOfficeUnavailableException extends Exception {
    BackOfficeUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
