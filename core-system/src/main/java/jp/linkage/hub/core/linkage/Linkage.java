package jp.linkage.hub.core.linkage;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import jp.linkage.hub.core.api.LinkageAnsweredEvent;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import jp.linkage.hub.core.api.LinkageRejectedException;
import jp.linkage.hub.core.api.RecordAnswerCommand;
import jp.linkage.hub.core.api.RequestLinkageCommand;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One information linkage (情報連携): a query, its authorisation, and the provider's answer. Its event
 * stream is the hub's provision record (情報提供等記録). Redelivered commands have no second effect: a
 * repeated request or answer is ignored.
 */
public class Linkage {
  enum Status {
    NEW,
    AUTHORISED,
    DENIED,
    ANSWERED
  }

  @AggregateIdentifier private String linkageId;
  private Status status = Status.NEW;
  private String querier;
  private String provider;
  private String procedure;
  private String item;
  private String querierSymbol;

  protected Linkage() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RequestLinkageCommand command, LinkageAuthoriser authoriser) {
    if (status != Status.NEW) {
      return; // redelivery of the same query
    }
    AuthorisationOutcome outcome = authoriser.authorise(command);
    if (outcome.allowed()) {
      apply(
          new LinkageAuthorisedEvent(
              command.linkageId(),
              command.querier(),
              command.procedure(),
              command.provider(),
              command.item(),
              command.querierSymbol(),
              outcome.providerSymbol(),
              command.layoutEdition(),
              outcome.tableVersion(),
              outcome.rowId(),
              command.requestedAt()));
    } else {
      apply(
          new LinkageDeniedEvent(
              command.linkageId(),
              command.querier(),
              command.procedure(),
              command.provider(),
              command.item(),
              outcome.reason(),
              outcome.message(),
              outcome.tableVersion(),
              command.requestedAt()));
    }
  }

  @CommandHandler
  public void handle(RecordAnswerCommand command) {
    if (!command.provider().equals(provider)) {
      throw new LinkageRejectedException(
          "source",
          "provider-of-linkage",
          "agency " + command.provider() + " is not the provider of linkage " + linkageId);
    }
    switch (status) {
      case ANSWERED -> {
        return; // redelivery of the same answer
      }
      case DENIED ->
          throw new LinkageRejectedException(
              "data.linkageId",
              "linkage-authorised",
              "linkage " + linkageId + " was denied and takes no answer");
      default -> {}
    }
    if (command.outcome() == ProvisionOutcome.PROVIDED
        && (command.sealedPayload() == null || command.sealedPayload().isBlank())) {
      throw new LinkageRejectedException(
          "data.sealedPayload",
          "required-when-provided",
          "outcome PROVIDED needs a sealed payload");
    }
    apply(
        new LinkageAnsweredEvent(
            linkageId,
            querier,
            provider,
            procedure,
            item,
            querierSymbol,
            command.outcome(),
            command.sealedPayload(),
            digest(command.sealedPayload()),
            command.answeredAt()));
  }

  @EventSourcingHandler
  void on(LinkageAuthorisedEvent event) {
    linkageId = event.linkageId();
    status = Status.AUTHORISED;
    querier = event.querier();
    provider = event.provider();
    procedure = event.procedure();
    item = event.item();
    querierSymbol = event.querierSymbol();
  }

  @EventSourcingHandler
  void on(LinkageDeniedEvent event) {
    linkageId = event.linkageId();
    status = Status.DENIED;
    querier = event.querier();
    provider = event.provider();
  }

  @EventSourcingHandler
  void on(LinkageAnsweredEvent event) {
    status = Status.ANSWERED;
  }

  /** SHA-256 of the sealed payload bytes, hex; evidence of exactly what was delivered. */
  static String digest(String sealedPayloadBase64) {
    if (sealedPayloadBase64 == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealedPayloadBase64);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (IllegalArgumentException e) {
      throw new LinkageRejectedException(
          "data.sealedPayload", "base64", "sealed payload is not base64");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
