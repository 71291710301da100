package jp.linkage.hub.core.api;

import java.time.Instant;

/** The core issued an agency symbol (機関別符号) at an agency's request. */
public record SymbolIssuedEvent(
    String issuanceId,
    String agency,
    String requestRef,
    String symbol,
    int keyVersion,
    Instant issuedAt) {}
