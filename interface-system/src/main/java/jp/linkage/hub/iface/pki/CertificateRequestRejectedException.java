package jp.linkage.hub.iface.pki;

/**
 * A certificate signing request (PKCS#10) was refused: {@link #field()} names what was wrong and
 * {@link #rule()} which rule it broke, so the requester can fix it.
 */
public final class CertificateRequestRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  public CertificateRequestRejectedException(String field, String rule, String message) {
    super(field + " " + rule + ": " + message);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
