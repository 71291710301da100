package jp.linkage.hub.iface.crypto;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public half of an agency's credentials (機関の証明書): the certificate its payload signatures
 * verify against, and the certificate payloads for it are encrypted to.
 *
 * <p>Two key pairs rather than one: a key is used for one purpose only (signing vs. ECDH key
 * agreement), as in JPKI's separate signing and authentication certificates.
 */
public record AgencyCertificates(
    String agencyCode, X509Certificate signingCertificate, X509Certificate encryptionCertificate) {

  /**
   * Agency codes are lower-case and safe in Kafka topic and file names, e.g. {@code muni-131016}.
   */
  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public AgencyCertificates {
    checkAgencyCode(agencyCode);
    Objects.requireNonNull(signingCertificate, "signingCertificate");
    Objects.requireNonNull(encryptionCertificate, "encryptionCertificate");
  }

  /** Throws {@link PkiException} unless {@code agencyCode} has the project's agency code form. */
  static String checkAgencyCode(String agencyCode) {
    if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches()) {
      throw new PkiException("agency code must match " + AGENCY_CODE + ", got: " + agencyCode);
    }
    return agencyCode;
  }
}
