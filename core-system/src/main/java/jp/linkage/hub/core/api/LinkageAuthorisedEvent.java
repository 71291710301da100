package jp.linkage.hub.core.api;

import java.time.Instant;

/**
 * The permission table allowed the query, and the core converted the querier's symbol into the
 * provider's. Carries every input of the decision and the table version and row, so an auditor can
 * re-judge it from the event log alone (invariant 3).
 */
public record LinkageAuthorisedEvent(
    String linkageId,
    String querier,
    String procedure,
    String provider,
    String item,
    String querierSymbol,
    String providerSymbol,
    String layoutEdition,
    String tableVersion,
    String rowId,
    Instant requestedAt) {}
