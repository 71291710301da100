package jp.linkage.hub.core.api;

import java.time.Instant;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider answered; the sealed payload is ciphertext the core cannot read. */
public record RecordAnswerCommand(
    @TargetAggregateIdentifier String linkageId,
    String provider,
    ProvisionOutcome outcome,
    String sealedPayload,
    Instant answeredAt) {}
