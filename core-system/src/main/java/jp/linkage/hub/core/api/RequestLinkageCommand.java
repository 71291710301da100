package jp.linkage.hub.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A querier asks for one information item about one person (情報照会). */
public record RequestLinkageCommand(
    @TargetAggregateIdentifier String linkageId,
    String querier,
    String procedure,
    String provider,
    String item,
    String querierSymbol,
    String layoutEdition,
    Instant requestedAt) {}
