package jp.linkage.hub.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts one agency of the registry into the event log; no effect when nothing changed. */
public record RegisterAgencyCommand(
    @TargetAggregateIdentifier String registrationId,
    String code,
    AgencyType type,
    String nameJa,
    String nameEn,
    Instant registeredAt) {}
