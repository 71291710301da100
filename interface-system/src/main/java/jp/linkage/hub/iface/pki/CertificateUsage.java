package jp.linkage.hub.iface.pki;

/**
 * What a certificate's key may do; each usage is one profile of extensions (RFC 5280 4.2.1.3,
 * 4.2.1.12).
 */
public enum CertificateUsage {
  /** A TLS client (mutual TLS to the broker): digitalSignature, extended key usage clientAuth. */
  TLS_CLIENT,
  /**
   * A TLS server that is also a client (the broker connects to its own controller listener):
   * digitalSignature, serverAuth and clientAuth, and at least one subject alternative name.
   */
  TLS_SERVER,
  /** Signs CMS content (requests, answers, hub messages): digitalSignature. */
  SIGNING,
  /** Receives CMS content encrypted to it (ECDH key agreement): keyAgreement. */
  ENCRYPTION;

  /** The usage named on a command line, e.g. {@code tls-client}. */
  public static CertificateUsage parse(String name) {
    for (CertificateUsage usage : values()) {
      if (usage.cliName().equalsIgnoreCase(name)) {
        return usage;
      }
    }
    throw new IllegalArgumentException(
        "usage must be tls-client, tls-server, signing or encryption, not '" + name + "'");
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
