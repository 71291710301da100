package jp.linkage.hub.server.api;

/**
 * A hosted agency's query (情報照会) reached its final state, announced only after the querier's
 * transaction committed, so {@code IntermediateServer.result} already shows it. Lets a back-office
 * (or a benchmark) learn of answers without polling.
 *
 * @param agency the querier
 * @param status ANSWERED, DENIED, REJECTED or FAILED
 * @param outcome the provider's outcome when answered, else {@code null}
 */
public record QueryCompletion(String agency, String linkageId, String status, String outcome) {}
