package jp.linkage.hub.iface.crypto;

/** One dev PKI shared by the tests of this package: making keys is the slow part. */
final class TestPki {
  static final String MUNI = "muni-131016";
  static final String KENPO = "hi-kenpo-06130001";
  static final String NENKIN = "nenkin";

  static final DevCertificateAuthority CA = DevCertificateAuthority.create();
  static final AgencyCredentials MUNI_CREDENTIALS = CA.issue(MUNI);
  static final AgencyCredentials KENPO_CREDENTIALS = CA.issue(KENPO);
  static final AgencyCredentials NENKIN_CREDENTIALS = CA.issue(NENKIN);

  private TestPki() {}

  static CertificateDirectory directory() {
    return CA.newDirectory()
        .register(MUNI_CREDENTIALS.certificates())
        .register(KENPO_CREDENTIALS.certificates())
        .register(NENKIN_CREDENTIALS.certificates());
  }

  /** Synthetic 1 KiB payload (no real personal data). */
  static byte[] payload() {
    byte[] bytes = new byte[1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }
}
