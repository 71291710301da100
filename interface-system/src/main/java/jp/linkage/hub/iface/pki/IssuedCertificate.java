package jp.linkage.hub.iface.pki;

import java.time.Instant;

/**
 * One certificate the issuing CA issued, as the PKI's index keeps it.
 *
 * @param serial serial number, lower-case hex
 * @param party the subject's CN: an agency code or a component name
 * @param revokedAt when it was revoked, or null
 * @param reason why, or null when not revoked
 */
public record IssuedCertificate(
    String serial,
    String party,
    CertificateRole role,
    CertificateUsage usage,
    Instant notBefore,
    Instant notAfter,
    Instant revokedAt,
    RevocationReason reason) {

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Not revoked and within its validity at {@code at}. */
  public boolean validAt(Instant at) {
    return !revoked() && !at.isBefore(notBefore) && at.isBefore(notAfter);
  }

  IssuedCertificate revoke(Instant at, RevocationReason why) {
    return new IssuedCertificate(serial, party, role, usage, notBefore, notAfter, at, why);
  }
}
