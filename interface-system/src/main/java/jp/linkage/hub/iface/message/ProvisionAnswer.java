package jp.linkage.hub.iface.message;

/**
 * Provider → hub: the answer to a provision request (情報提供). The payload is CMS SignedData by the
 * provider inside EnvelopedData for the querier; the hub cannot read it.
 *
 * @param linkageId the linkage
 * @param outcome whether data was provided
 * @param sealedPayload base64 of the CMS structure, or {@code null} unless PROVIDED
 */
public record ProvisionAnswer(
    String linkageId, ProvisionOutcome outcome, @OptionalField String sealedPayload) {}
