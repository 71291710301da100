package jp.linkage.hub.iface.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DevCertificateAuthorityTest {
  // keyUsage bit indexes of X509Certificate.getKeyUsage()
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_AGREEMENT = 4;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  @Test
  void rootIsASelfSignedP256CaCertificate() throws Exception {
    X509Certificate root = TestPki.CA.rootCertificate();
    assertEquals(3, root.getVersion());
    assertTrue(root.getBasicConstraints() >= 0, "basicConstraints CA");
    assertTrue(root.getKeyUsage()[KEY_CERT_SIGN] && root.getKeyUsage()[CRL_SIGN]);
    assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
    root.verify(root.getPublicKey());
    assertEquals(
        256, ((ECPublicKey) root.getPublicKey()).getParams().getCurve().getField().getFieldSize());
  }

  @Test
  void agencyGetsASigningAndAnEncryptionCertificateNamedAfterIt() throws Exception {
    AgencyCredentials muni = TestPki.MUNI_CREDENTIALS;
    X509Certificate signing = muni.signingCertificate();
    X509Certificate encryption = muni.encryptionCertificate();

    for (X509Certificate cert : new X509Certificate[] {signing, encryption}) {
      assertTrue(
          cert.getSubjectX500Principal().getName().startsWith("CN=" + TestPki.MUNI + ","),
          cert.getSubjectX500Principal().getName());
      assertEquals(-1, cert.getBasicConstraints(), "not a CA");
      cert.verify(TestPki.CA.rootCertificate().getPublicKey());
      Duration validity =
          Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
      assertTrue(validity.compareTo(Duration.ofDays(729)) > 0, "about two years: " + validity);
      cert.checkValidity();
    }
    assertArrayEquals(
        new boolean[] {true, false, false, false, false, false, false, false, false},
        signing.getKeyUsage());
    assertTrue(
        encryption.getKeyUsage()[KEY_AGREEMENT] && !encryption.getKeyUsage()[DIGITAL_SIGNATURE]);
    assertNotEquals(signing.getPublicKey(), encryption.getPublicKey(), "one key, one purpose");
  }

  @Test
  void serialNumbersAreRandomAndDistinct() {
    AgencyCredentials again = TestPki.CA.issue(TestPki.MUNI);
    assertNotEquals(
        TestPki.MUNI_CREDENTIALS.signingCertificate().getSerialNumber(),
        again.signingCertificate().getSerialNumber());
    assertTrue(again.signingCertificate().getSerialNumber().bitLength() > 64);
  }

  @Test
  void issuedCertificateIsValidFromShortlyBeforeNow() {
    Instant notBefore =
        TestPki.CA.issue(TestPki.NENKIN).signingCertificate().getNotBefore().toInstant();
    assertTrue(
        notBefore.isBefore(Instant.now()), "usable at once by a process with a slower clock");
  }

  @Test
  void agencyCodeMustBeTopicSafe() {
    assertThrows(PkiException.class, () -> TestPki.CA.issue("Muni 131016"));
    assertThrows(PkiException.class, () -> TestPki.CA.issue("../etc"));
  }

  @Test
  void credentialsToStringShowsNoKeyMaterial() {
    String text = TestPki.MUNI_CREDENTIALS.toString();
    assertTrue(text.contains(TestPki.MUNI), text);
    assertTrue(!text.contains("Private") && !text.contains("S: "), text);
  }
}
