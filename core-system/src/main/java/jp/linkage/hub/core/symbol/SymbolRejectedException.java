package jp.linkage.hub.core.symbol;

/** 機関別符号の拒否: a presented agency symbol cannot be used. The message never contains the symbol. */
public final class SymbolRejectedException extends RuntimeException {

  /** Why the symbol was rejected. */
  public enum Reason {
    /** The tag does not verify for the presenting agency: another agency's symbol, or tampered. */
    WRONG_AGENCY,
    /** The symbol's key version is not (or no longer) held by the keyring. */
    UNKNOWN_VERSION,
    /** Not a well-formed symbol (length, encoding, or not a point on P-256). */
    MALFORMED
  }

  private final Reason reason;

  public SymbolRejectedException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public SymbolRejectedException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
