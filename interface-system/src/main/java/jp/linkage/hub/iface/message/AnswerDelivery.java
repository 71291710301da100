package jp.linkage.hub.iface.message;

/**
 * Hub → querier: the provider's answer, addressed with the querier's own symbol.
 *
 * @param linkageId the linkage
 * @param provider agency code of the provider
 * @param procedure the authorised procedure
 * @param item information item code
 * @param symbol the querier's symbol for the person
 * @param outcome the provider's outcome
 * @param sealedPayload base64 CMS, readable only by the querier
 */
public record AnswerDelivery(
    String linkageId,
    String provider,
    String procedure,
    String item,
    String symbol,
    ProvisionOutcome outcome,
    @OptionalField String sealedPayload) {}
