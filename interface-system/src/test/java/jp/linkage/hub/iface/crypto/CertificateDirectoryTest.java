package jp.linkage.hub.iface.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateDirectoryTest {
  private final CertificateDirectory directory = TestPki.directory();

  @Test
  void findsAnAgencysEncryptionCertificate() {
    assertSame(
        TestPki.MUNI_CREDENTIALS.encryptionCertificate(),
        directory.encryptionCertificate(TestPki.MUNI));
  }

  @Test
  void unknownAgencyIsAClearError() {
    PkiException e =
        assertThrows(PkiException.class, () -> directory.encryptionCertificate("muni-271004"));
    assertTrue(e.getMessage().contains("muni-271004"), e.getMessage());
    assertTrue(directory.find("muni-271004").isEmpty());
  }

  @Test
  void refusesToRegisterCertificatesFromAnotherCa() {
    AgencyCredentials foreign = DevCertificateAuthority.create("Other CA").issue("muni-271004");
    assertThrows(PkiException.class, () -> directory.register(foreign.certificates()));
    assertTrue(directory.find("muni-271004").isEmpty());
  }

  @Test
  void certificateNotYetValidAtTheGivenTimeIsRejected() {
    Instant beforeIssue =
        TestPki.KENPO_CREDENTIALS.signingCertificate().getNotBefore().toInstant().minusSeconds(60);
    assertThrows(
        PkiException.class,
        () ->
            directory.checkChainsToTrustAnchor(
                TestPki.KENPO_CREDENTIALS.signingCertificate(), beforeIssue));
  }

  @Test
  void registeringAgainReplacesTheCertificates() {
    AgencyCredentials renewed = TestPki.CA.issue(TestPki.MUNI);
    directory.register(renewed.certificates());
    assertEquals(renewed.encryptionCertificate(), directory.encryptionCertificate(TestPki.MUNI));
  }
}
