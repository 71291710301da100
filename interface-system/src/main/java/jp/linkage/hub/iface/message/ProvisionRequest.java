package jp.linkage.hub.iface.message;

/**
 * Hub → provider: an authorised query to answer from the replica (情報提供の求め).
 *
 * @param linkageId the linkage
 * @param querier agency code of the querier, for whom the answer must be encrypted
 * @param procedure the procedure the query was authorised for
 * @param item information item code
 * @param symbol the provider's own symbol for the person (converted by the core)
 * @param layoutEdition the layout edition the querier expects
 */
public record ProvisionRequest(
    String linkageId,
    String querier,
    String procedure,
    String item,
    String symbol,
    String layoutEdition) {}
