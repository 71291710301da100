package jp.linkage.hub.iface.message;

/**
 * Resident registry → hub: issue the symbol of one person for one agency. The registry sends the
 * person's pseudonymous curve point, never the resident record code (住民票コード).
 *
 * @param agency the agency that asked for the symbol
 * @param requestRef the agency's own reference, echoed back in {@link SymbolIssued}
 * @param personPoint base64url of the compressed curve point derived from the resident record code
 */
public record SymbolIssueRequest(String agency, String requestRef, String personPoint) {}
