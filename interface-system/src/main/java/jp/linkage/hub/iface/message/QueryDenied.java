package jp.linkage.hub.iface.message;

/**
 * Hub → querier: the query was not authorised, or its symbol was not the querier's.
 *
 * @param linkageId the linkage
 * @param reason machine-readable reason code
 * @param message human-readable explanation naming querier, procedure, provider and item
 * @param tableVersion the permission table version that was in force
 */
public record QueryDenied(
    String linkageId, String reason, String message, @OptionalField String tableVersion) {}
