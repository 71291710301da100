package jp.linkage.hub.iface.crypto;

/**
 * A certificate, key or PEM file of the development PKI (開発用認証基盤) could not be made, read or
 * written, or an agency has no certificate in the {@link CertificateDirectory}.
 */
public class PkiException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public PkiException(String message) {
    super(message);
  }

  public PkiException(String message, Throwable cause) {
    super(message, cause);
  }
}
