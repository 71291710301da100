package jp.linkage.hub.core.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.linkage.hub.core.api.LinkageAnsweredEvent;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import jp.linkage.hub.core.api.SymbolIssuedEvent;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.SymbolIssued;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Publishes the core's decisions to the agencies' from-hub topics. Runs in a tracking event
 * processor: every send of a batch is acknowledged by Kafka (acks=all) before the batch's token is
 * committed, so a crash can only cause a resend, never a loss. The envelope id is the event id, so
 * a resend carries the same id and receivers drop it.
 */
public final class OutboundPublisher {
  private static final String PENDING = OutboundPublisher.class.getName() + ".pending";

  private final Producer<String, byte[]> producer;
  private final EnvelopeCodec codec;

  public OutboundPublisher(Producer<String, byte[]> producer, EnvelopeCodec codec) {
    this.producer = producer;
    this.codec = codec;
  }

  @EventHandler
  void on(SymbolIssuedEvent e, @MessageIdentifier String eventId) {
    send(
        e.agency(),
        eventId,
        MessageType.SYMBOL_ISSUED,
        e.requestRef(),
        new SymbolIssued(e.requestRef(), e.symbol()));
  }

  @EventHandler
  void on(LinkageAuthorisedEvent e, @MessageIdentifier String eventId) {
    send(
        e.provider(),
        eventId,
        MessageType.PROVISION_REQUESTED,
        e.linkageId(),
        new ProvisionRequest(
            e.linkageId(),
            e.querier(),
            e.procedure(),
            e.item(),
            e.providerSymbol(),
            e.layoutEdition()));
  }

  @EventHandler
  void on(LinkageDeniedEvent e, @MessageIdentifier String eventId) {
    send(
        e.querier(),
        eventId,
        MessageType.QUERY_DENIED,
        e.linkageId(),
        new QueryDenied(e.linkageId(), e.reason(), e.message(), e.tableVersion()));
  }

  @EventHandler
  void on(LinkageAnsweredEvent e, @MessageIdentifier String eventId) {
    send(
        e.querier(),
        eventId,
        MessageType.ANSWER_DELIVERED,
        e.linkageId(),
        new AnswerDelivery(
            e.linkageId(),
            e.provider(),
            e.procedure(),
            e.item(),
            e.querierSymbol(),
            e.outcome(),
            e.sealedPayload()));
  }

  private void send(
      String agency, String eventId, MessageType type, String correlationId, Object payload) {
    Envelope envelope = codec.envelope(eventId, Envelope.HUB_SOURCE, type, correlationId, payload);
    Future<RecordMetadata> sent =
        producer.send(
            new ProducerRecord<>(
                TopicLayout.fromHub(agency), correlationId, codec.encode(envelope)));
    pendingSends().add(sent);
  }

  /** The sends of the current batch, awaited once before the batch (and its token) commits. */
  private static List<Future<RecordMetadata>> pendingSends() {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    return root.getOrComputeResource(
        PENDING,
        key -> {
          List<Future<RecordMetadata>> list = new ArrayList<>();
          root.onPrepareCommit(u -> awaitAll(list));
          return list;
        });
  }

  private static void awaitAll(List<Future<RecordMetadata>> sends) {
    for (Future<RecordMetadata> f : sends) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OutboundDeliveryException("interrupted while awaiting Kafka", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new OutboundDeliveryException("Kafka did not acknowledge an outbound record", e);
      }
    }
  }

  /** Kafka did not take an outbound record; the batch rolls back and is retried. */
  public static final class OutboundDeliveryException extends RuntimeException {
    OutboundDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
