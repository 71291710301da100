package jp.linkage.hub.iface.pki;

import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Why a certificate was revoked: the CRL reason codes of RFC 5280 5.3.1 that apply to end entities.
 */
public enum RevocationReason {
  UNSPECIFIED(CRLReason.unspecified),
  KEY_COMPROMISE(CRLReason.keyCompromise),
  AFFILIATION_CHANGED(CRLReason.affiliationChanged),
  SUPERSEDED(CRLReason.superseded),
  CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  /** The CRL reason code. */
  public int code() {
    return code;
  }

  /** The reason named on a command line, e.g. {@code key-compromise}. */
  public static RevocationReason parse(String name) {
    for (RevocationReason reason : values()) {
      if (reason.cliName().equalsIgnoreCase(name)) {
        return reason;
      }
    }
    throw new IllegalArgumentException(
        "reason must be one of unspecified, key-compromise, affiliation-changed, superseded,"
            + " cessation-of-operation, not '"
            + name
            + "'");
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
