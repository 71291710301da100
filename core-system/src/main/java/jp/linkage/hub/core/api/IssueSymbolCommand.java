package jp.linkage.hub.core.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The registry asks for an agency's symbol of one person (符号生成要求).
 *
 * @param issuanceId {@code <agency>:<requestRef>}, unique per agency request
 * @param personPoint compressed curve point from the registry; used, never stored
 */
public record IssueSymbolCommand(
    @TargetAggregateIdentifier String issuanceId,
    String agency,
    String requestRef,
    byte[] personPoint,
    Instant requestedAt) {}
