package jp.linkage.hub.iface.message;

/**
 * Hub → agency: the agency symbol (機関別符号) for the agency's earlier request.
 *
 * @param requestRef the agency's reference from the request
 * @param symbol the encoded agency symbol
 */
public record SymbolIssued(String requestRef, String symbol) {}
