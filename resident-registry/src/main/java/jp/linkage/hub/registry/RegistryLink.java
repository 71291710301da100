package jp.linkage.hub.registry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import jp.linkage.hub.iface.routing.InboundRouter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The registry's side of symbol issuance (符号生成): an agency asks with a My Number over the 住基ネット
 * line; the registry turns it into the person's curve point and sends only that point to the core
 * on the registry's own topic. The agency never sees the point, the core never sees the resident
 * record code.
 */
public final class RegistryLink {
  private final ResidentRegistry registry;
  private final Producer<String, byte[]> producer;
  private final EnvelopeCodec codec;

  public RegistryLink(
      ResidentRegistry registry, Producer<String, byte[]> producer, EnvelopeCodec codec) {
    this.registry = registry;
    this.producer = producer;
    this.codec = codec;
  }

  /**
   * Sends the symbol request and waits for Kafka's acknowledgement.
   *
   * @throws PersonNotFoundException when no resident has this My Number
   */
  public void requestSymbol(String agency, String requestRef, MyNumber myNumber) {
    PersonPoint point = registry.personPoint(myNumber);
    Envelope envelope =
        codec.envelope(
            InboundRouter.REGISTRY_SOURCE,
            MessageType.SYMBOL_ISSUE_REQUESTED,
            requestRef,
            new SymbolIssueRequest(agency, requestRef, point.toBase64Url()));
    try {
      producer
          .send(
              new ProducerRecord<>(TopicLayout.REGISTRY_TO_HUB, requestRef, codec.encode(envelope)))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted while sending a symbol request", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new RegistryUnavailableException("the symbol request was not acknowledged by Kafka", e);
    }
  }

  /** The registry could not pass a request on to the hub. */
  public static final class RegistryUnavailableException extends RuntimeException {
    RegistryUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
