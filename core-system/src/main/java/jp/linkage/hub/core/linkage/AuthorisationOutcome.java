package jp.linkage.hub.core.linkage;

/**
 * The core's verdict on one query: either allowed, with the provider's symbol and the permission
 * row that allowed it, or denied with a reason code and a message.
 */
public record AuthorisationOutcome(
    boolean allowed,
    String providerSymbol,
    String tableVersion,
    String rowId,
    String reason,
    String message) {

  public static AuthorisationOutcome allowed(
      String providerSymbol, String tableVersion, String rowId) {
    return new AuthorisationOutcome(true, providerSymbol, tableVersion, rowId, null, null);
  }

  public static AuthorisationOutcome denied(String reason, String message, String tableVersion) {
    return new AuthorisationOutcome(false, null, tableVersion, null, reason, message);
  }
}
