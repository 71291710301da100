package jp.linkage.hub.core.api;

import java.time.Instant;
import jp.linkage.hub.iface.message.ProvisionOutcome;

/**
 * The provision record is complete at the hub. The sealed payload travels on to the querier; the
 * digest stays in the provision record as evidence of what was sent.
 */
public record LinkageAnsweredEvent(
    String linkageId,
    String querier,
    String provider,
    String procedure,
    String item,
    String querierSymbol,
    ProvisionOutcome outcome,
    String sealedPayload,
    String payloadDigest,
    Instant answeredAt) {}
