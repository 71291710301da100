package jp.linkage.hub.iface.crypto;

/**
 * Base of every failure of the payload protection (ペイロード保護) and development PKI code.
 *
 * <p>Unchecked so that callers in message handlers need not wrap it; callers that care catch the
 * specific subclass ({@link PayloadProtectionException}, {@link PkiException}).
 */
public class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
