package jp.linkage.hub.iface.pki;

/**
 * The PKI directory cannot do what was asked: it is missing or already initialised, a file in it is
 * unreadable, or a serial is unknown. The message says which and what to do.
 */
public final class PkiStateException extends Exception {
  private static final long serialVersionUID = 1L;

  public PkiStateException(String message) {
    super(message);
  }

  public PkiStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
