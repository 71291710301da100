package jp.linkage.hub.iface.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An agency's private keys and their certificates (機関の鍵と証明書), as issued by the {@link
 * DevCertificateAuthority}: an ECDSA P-256 signing key and an ECDH P-256 key-agreement (encryption)
 * key. Only the agency itself holds this; others see {@link #certificates()}.
 */
public record AgencyCredentials(
    String agencyCode,
    PrivateKey signingKey,
    X509Certificate signingCertificate,
    PrivateKey encryptionKey,
    X509Certificate encryptionCertificate) {

  public AgencyCredentials {
    AgencyCertificates.checkAgencyCode(agencyCode);
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(signingCertificate, "signingCertificate");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
  }

  /** The public half, safe to publish in a {@link CertificateDirectory}. */
  public AgencyCertificates certificates() {
    return new AgencyCertificates(agencyCode, signingCertificate, encryptionCertificate);
  }

  /** Keeps private keys out of log lines and exception messages. */
  @Override
  public String toString() {
    return "AgencyCredentials["
        + agencyCode
        + ", signing="
        + signingCertificate.getSerialNumber().toString(16)
        + ", encryption="
        + encryptionCertificate.getSerialNumber().toString(16)
        + "]";
  }
}
