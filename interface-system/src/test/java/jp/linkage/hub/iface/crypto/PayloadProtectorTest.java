package jp.linkage.hub.iface.crypto;

import static jp.linkage.hub.iface.crypto.TestPki.KENPO;
import static jp.linkage.hub.iface.crypto.TestPki.KENPO_CREDENTIALS;
import static jp.linkage.hub.iface.crypto.TestPki.MUNI;
import static jp.linkage.hub.iface.crypto.TestPki.MUNI_CREDENTIALS;
import static jp.linkage.hub.iface.crypto.TestPki.NENKIN_CREDENTIALS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import jp.linkage.hub.iface.crypto.PayloadProtectionException.Reason;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.junit.jupiter.api.Test;

class PayloadProtectorTest {
  private final PayloadProtector protector = new PayloadProtector();
  private final CertificateDirectory directory = TestPki.directory();
  private final byte[] payload = TestPki.payload();

  /** The health insurance society (provider) answers the municipality (querier). */
  private byte[] sealKenpoToMuni(byte[] content) {
    return protector.seal(content, KENPO_CREDENTIALS, directory.encryptionCertificate(MUNI));
  }

  @Test
  void roundTripRecoversContentSignerAndSigningTime() {
    Instant before = Instant.now().minusSeconds(1);
    byte[] sealed = sealKenpoToMuni(payload);

    OpenedPayload opened = protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO);

    assertArrayEquals(payload, opened.content());
    assertEquals(KENPO, opened.signerAgency());
    assertFalse(opened.signingTime().isBefore(before.minusSeconds(1)), "signing time too early");
    assertFalse(opened.signingTime().isAfter(Instant.now()), "signing time in the future");
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    byte[] marker = "SYNTHETIC-MARKER-0123".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = sealKenpoToMuni(marker);
    assertEquals(-1, indexOf(sealed, marker), "plaintext visible in sealed payload");
    assertArrayEquals(marker, protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO).content());
  }

  @Test
  void sealingTwiceGivesDifferentCiphertext() {
    assertFalse(Arrays.equals(sealKenpoToMuni(payload), sealKenpoToMuni(payload)));
  }

  @Test
  void tamperedCiphertextByteIsRejected() {
    byte[] sealed = sealKenpoToMuni(payload);
    byte[] encrypted =
        AuthEnvelopedData.getInstance(ContentInfo.getInstance(sealed).getContent())
            .getAuthEncryptedContentInfo()
            .getEncryptedContent()
            .getOctets();
    int start = indexOf(sealed, encrypted);
    assertTrue(start > 0, "encrypted content located");
    for (int offset : new int[] {start, start + encrypted.length / 2, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[offset] ^= 0x01;
      assertReason(
          Reason.DECRYPTION_FAILED,
          () -> protector.open(tampered, MUNI_CREDENTIALS, directory, KENPO));
    }
  }

  @Test
  void contentAlteredUnderTheSignatureIsSignatureInvalid() {
    byte[] signed = protector.sign(payload, KENPO_CREDENTIALS);
    int at = indexOf(signed, payload);
    assertTrue(at > 0, "encapsulated content located");
    signed[at + 100] ^= 0x01;
    byte[] sealed = protector.encrypt(signed, directory.encryptionCertificate(MUNI));
    assertReason(
        Reason.SIGNATURE_INVALID, () -> protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO));
  }

  @Test
  void nonSignedDataInsideTheEnvelopeIsMalformed() {
    byte[] sealed = protector.encrypt(payload, directory.encryptionCertificate(MUNI));
    assertReason(
        Reason.MALFORMED, () -> protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO));
  }

  @Test
  void payloadFromAnotherAgencyThanExpectedIsWrongSigner() {
    byte[] sealed = sealKenpoToMuni(payload);
    assertReason(
        Reason.WRONG_SIGNER,
        () -> protector.open(sealed, MUNI_CREDENTIALS, directory, TestPki.NENKIN));
  }

  @Test
  void signerCertifiedByAnotherCaIsUntrusted() {
    // Same agency code, but issued by a CA the directory does not trust.
    AgencyCredentials forged = DevCertificateAuthority.create("Rogue CA").issue(KENPO);
    byte[] sealed = protector.seal(payload, forged, directory.encryptionCertificate(MUNI));
    assertReason(
        Reason.UNTRUSTED_SIGNER, () -> protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO));
  }

  @Test
  void encryptionCertificateCannotStandInForSigningCertificate() {
    AgencyCredentials misused =
        new AgencyCredentials(
            KENPO,
            KENPO_CREDENTIALS.encryptionKey(),
            KENPO_CREDENTIALS.encryptionCertificate(),
            KENPO_CREDENTIALS.encryptionKey(),
            KENPO_CREDENTIALS.encryptionCertificate());
    byte[] sealed = protector.seal(payload, misused, directory.encryptionCertificate(MUNI));
    assertReason(
        Reason.UNTRUSTED_SIGNER, () -> protector.open(sealed, MUNI_CREDENTIALS, directory, KENPO));
  }

  @Test
  void anotherAgencyCannotOpenIt() {
    byte[] sealed = sealKenpoToMuni(payload);
    assertReason(
        Reason.DECRYPTION_FAILED,
        () -> protector.open(sealed, NENKIN_CREDENTIALS, directory, KENPO));
  }

  @Test
  void wrongPrivateKeyBehindTheRightCertificateCannotDecrypt() {
    byte[] sealed = sealKenpoToMuni(payload);
    AgencyCredentials wrongKey =
        new AgencyCredentials(
            MUNI,
            MUNI_CREDENTIALS.signingKey(),
            MUNI_CREDENTIALS.signingCertificate(),
            NENKIN_CREDENTIALS.encryptionKey(),
            MUNI_CREDENTIALS.encryptionCertificate());
    assertReason(
        Reason.DECRYPTION_FAILED, () -> protector.open(sealed, wrongKey, directory, KENPO));
  }

  @Test
  void garbageIsMalformed() {
    assertReason(
        Reason.MALFORMED,
        () ->
            protector.open(
                new byte[] {0x30, 0x03, 0x02, 0x01}, MUNI_CREDENTIALS, directory, KENPO));
    assertReason(
        Reason.MALFORMED, () -> protector.open(payload, MUNI_CREDENTIALS, directory, KENPO));
  }

  @Test
  void signerCertificateNotValidAtSigningTimeIsUntrusted() {
    Instant longAfterExpiry =
        Instant.now().plus(DevCertificateAuthority.AGENCY_VALIDITY).plus(Duration.ofDays(1));
    PkiException e =
        assertThrows(
            PkiException.class,
            () ->
                directory.checkChainsToTrustAnchor(
                    KENPO_CREDENTIALS.signingCertificate(), longAfterExpiry));
    assertTrue(e.getMessage().contains("not valid at"), e.getMessage());
  }

  @Test
  void sealIsUsableFromManyThreadsAtOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
      for (int i = 0; i < 40; i++) {
        byte[] content = ("payload-" + i).getBytes(StandardCharsets.US_ASCII);
        futures.add(
            pool.submit(
                () ->
                    protector
                        .open(sealKenpoToMuni(content), MUNI_CREDENTIALS, directory, KENPO)
                        .content()));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertArrayEquals(
            ("payload-" + i).getBytes(StandardCharsets.US_ASCII),
            futures.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertReason(
      Reason expected, org.junit.jupiter.api.function.Executable call) {
    PayloadProtectionException e = assertThrows(PayloadProtectionException.class, call);
    assertEquals(expected, e.reason(), e.getMessage());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
