package jp.linkage.hub.core.api;

import java.time.Instant;

/** The query was refused; a denied query is a provision record too (情報提供等記録). */
public record LinkageDeniedEvent(
    String linkageId,
    String querier,
    String procedure,
    String provider,
    String item,
    String reason,
    String message,
    String tableVersion,
    Instant requestedAt) {}
