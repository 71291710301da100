package jp.linkage.hub.core.api;

import java.time.Instant;

/**
 * An agency (情報照会者 / 情報提供者) and its type as the core knows it from this point of the event log on.
 * Permission rows name agency types, so re-judging a query needs the type each agency had when the
 * query was judged. A changed entry in the agency registry is registered again.
 */
public record AgencyRegisteredEvent(
    String code, AgencyType type, String nameJa, String nameEn, Instant registeredAt) {}
