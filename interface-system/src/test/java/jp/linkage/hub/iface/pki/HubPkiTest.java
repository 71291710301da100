package jp.linkage.hub.iface.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.linkage.hub.iface.crypto.PemFiles;
import jp.linkage.hub.testing.SettableClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's CA, checked by stock openssl: requests made by openssl, certificates and CRLs verified
 * by it.
 */
class HubPkiTest {
  @TempDir Path work;
  private Path dir;
  private Path rootKey;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T03:00:00Z"));
  private HubPki pki;

  @BeforeEach
  void init() throws Exception {
    Assumptions.assumeTrue(Openssl.onPath(), "openssl is not on PATH");
    dir = work.resolve("pki");
    rootKey = work.resolve("offline").resolve("root.key");
    pki = HubPki.init(dir, rootKey, "Test Hub", clock);
  }

  @Test
  void initKeepsTheRootKeyOutOfTheDirectoryAndTheIssuingKeyOwnerOnly() throws Exception {
    assertTrue(Files.isRegularFile(rootKey));
    assertFalse(Files.exists(dir.resolve("root.key")));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertFalse(
            Files.readString(f.toFile().isDirectory() ? dir.resolve(HubPki.ROOT_CERTIFICATE) : f)
                .equals(Files.readString(rootKey)),
            f + " holds the root key");
      }
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve(HubPki.ISSUING_KEY))));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rootKey)));
    var again =
        assertThrows(
            PkiStateException.class, () -> HubPki.init(dir, work.resolve("k2"), "x", clock));
    assertTrue(again.getMessage().contains("already holds a PKI"), again.getMessage());
    Openssl.Result chain =
        Openssl.run(dir, "verify", "-CAfile", HubPki.ROOT_CERTIFICATE, HubPki.ISSUING_CERTIFICATE);
    assertEquals(0, chain.exitCode(), chain.output());
  }

  @Test
  void issuesFromAnOpensslRequestWhatOpensslVerifies() throws Exception {
    Openssl.keyAndRequest(work, "nenkin", "/O=whatever/CN=nenkin");
    X509Certificate cert =
        pki.issue(
            Files.readAllBytes(work.resolve("nenkin.csr")),
            "nenkin",
            CertificateRole.AGENCY,
            CertificateUsage.TLS_CLIENT,
            List.of(),
            Duration.ofDays(90));
    // the broker's principal mapping sees exactly this (RFC 2253, CN first)
    assertEquals("CN=nenkin,O=agency", cert.getSubjectX500Principal().getName());
    assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
    PemFiles.writeCertificate(work.resolve("nenkin.pem"), cert);
    Openssl.Result verify =
        Openssl.run(
            work,
            "verify",
            "-CAfile",
            dir.resolve(HubPki.CHAIN).toString(),
            "-purpose",
            "sslclient",
            "nenkin.pem");
    assertEquals(0, verify.exitCode(), verify.output());
    // the certificate carries the key of the request: openssl's key matches it
    Openssl.Result keyMod = Openssl.run(work, "pkey", "-in", "nenkin.key", "-pubout");
    Openssl.Result certMod = Openssl.run(work, "x509", "-in", "nenkin.pem", "-noout", "-pubkey");
    assertEquals(keyMod.output(), certMod.output());
    assertEquals(1, pki.issued().size());
    assertEquals("nenkin", pki.issued().get(0).party());
  }

  @Test
  void aBrokerCertificateServesAndConnectsWithItsAddresses() throws Exception {
    Openssl.keyAndRequest(work, "broker", "/CN=broker");
    X509Certificate cert =
        pki.issue(
            Files.readAllBytes(work.resolve("broker.csr")),
            "broker",
            CertificateRole.COMPONENT,
            CertificateUsage.TLS_SERVER,
            List.of("127.0.0.1", "kafka-1"),
            Duration.ofDays(90));
    assertEquals("CN=broker,O=hub", cert.getSubjectX500Principal().getName());
    assertTrue(
        cert.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
    assertEquals(2, cert.getSubjectAlternativeNames().size());
    PemFiles.writeCertificate(work.resolve("broker.pem"), cert);
    Openssl.Result verify =
        Openssl.run(
            work,
            "verify",
            "-CAfile",
            dir.resolve(HubPki.CHAIN).toString(),
            "-purpose",
            "sslserver",
            "-verify_ip",
            "127.0.0.1",
            "broker.pem");
    assertEquals(0, verify.exitCode(), verify.output());
    var missing =
        assertThrows(
            CertificateRequestRejectedException.class,
            () ->
                pki.issue(
                    Files.readAllBytes(work.resolve("broker.csr")),
                    "broker",
                    CertificateRole.COMPONENT,
                    CertificateUsage.TLS_SERVER,
                    List.of(),
                    Duration.ofDays(1)));
    assertEquals("san", missing.field());
    assertEquals("REQUIRED", missing.rule());
  }

  @Test
  void revocationIsInTheCrlThatOpensslVerifiesAndEnforces() throws Exception {
    Openssl.keyAndRequest(work, "muni", "/O=agency/CN=muni-131016");
    X509Certificate cert =
        pki.issue(
            Files.readAllBytes(work.resolve("muni.csr")),
            "muni-131016",
            CertificateRole.AGENCY,
            CertificateUsage.SIGNING,
            List.of(),
            Duration.ofDays(90));
    PemFiles.writeCertificate(work.resolve("muni.pem"), cert);
    String serial = cert.getSerialNumber().toString(16);
    clock.advance(Duration.ofHours(1));
    IssuedCertificate revoked = pki.revoke(serial.toUpperCase(), RevocationReason.KEY_COMPROMISE);
    assertTrue(revoked.revoked());
    assertEquals(RevocationReason.KEY_COMPROMISE, revoked.reason());
    X509CRL crl = pki.crl();
    X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
    assertNotNull(entry, "the serial is on the CRL");
    assertEquals(java.security.cert.CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
    crl.verify(pki.issuingCa().getPublicKey());

    Openssl.Result crlOk =
        Openssl.run(dir, "crl", "-in", HubPki.CRL, "-CAfile", HubPki.CHAIN, "-noout", "-verify");
    assertTrue(crlOk.output().contains("verify OK"), crlOk.output());
    Openssl.Result refused =
        Openssl.run(
            work,
            "verify",
            "-crl_check",
            "-CRLfile",
            dir.resolve(HubPki.CRL).toString(),
            "-CAfile",
            dir.resolve(HubPki.CHAIN).toString(),
            "muni.pem");
    assertTrue(refused.exitCode() != 0 && refused.output().contains("revoked"), refused.output());

    var unknown =
        assertThrows(
            PkiStateException.class, () -> pki.revoke("abcdef", RevocationReason.UNSPECIFIED));
    assertTrue(
        unknown.getMessage().contains("no certificate with serial abcdef"), unknown.getMessage());
  }

  @Test
  void certificatesAboutToExpireAreListedSoonestFirst() throws Exception {
    for (String party : List.of("a", "b", "c")) {
      Openssl.keyAndRequest(work, party, "/CN=" + party);
    }
    pki.issue(
        Files.readAllBytes(work.resolve("a.csr")),
        "a",
        CertificateRole.COMPONENT,
        CertificateUsage.TLS_CLIENT,
        List.of(),
        Duration.ofDays(200));
    pki.issue(
        Files.readAllBytes(work.resolve("b.csr")),
        "b",
        CertificateRole.COMPONENT,
        CertificateUsage.TLS_CLIENT,
        List.of(),
        Duration.ofDays(20));
    pki.issue(
        Files.readAllBytes(work.resolve("c.csr")),
        "c",
        CertificateRole.COMPONENT,
        CertificateUsage.TLS_CLIENT,
        List.of(),
        Duration.ofDays(10));
    assertEquals(
        List.of("c", "b"),
        pki.expiring(Duration.ofDays(30)).stream().map(IssuedCertificate::party).toList());
    clock.advance(Duration.ofDays(15)); // c has expired: still listed, first
    assertEquals(
        List.of("c"),
        pki.expiring(Duration.ofDays(1)).stream().map(IssuedCertificate::party).toList());
    assertEquals(
        List.of("c", "b"),
        pki.expiring(Duration.ofDays(10)).stream().map(IssuedCertificate::party).toList());
  }

  @Test
  void badRequestsAreRefusedNamingFieldAndRule() throws Exception {
    Openssl.keyAndRequest(work, "x", "/O=agency/CN=somebody-else");
    byte[] csr = Files.readAllBytes(work.resolve("x.csr"));
    assertRule("csr.subject.CN", "NOT_THE_PARTY", csr, "nenkin");
    assertRule("party", "BAD_NAME", csr, "Nenkin Agency");
    assertRule(
        "csr", "NOT_A_REQUEST", Files.readAllBytes(dir.resolve(HubPki.ROOT_CERTIFICATE)), "nenkin");
    assertRule("csr", "TOO_LARGE", new byte[SigningRequests.MAX_BYTES + 1], "nenkin");
    Openssl.Result rsa =
        Openssl.run(
            work,
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "r.key",
            "-out",
            "r.csr",
            "-subj",
            "/CN=nenkin");
    assertEquals(0, rsa.exitCode(), rsa.output());
    assertRule("csr.publicKey", "NOT_P256", Files.readAllBytes(work.resolve("r.csr")), "nenkin");
    // a request whose content was changed after signing
    Openssl.keyAndRequest(work, "t", "/CN=nenkin");
    byte[] tampered = tamper(Files.readAllBytes(work.resolve("t.csr")));
    var e =
        assertThrows(
            CertificateRequestRejectedException.class,
            () -> SigningRequests.check(tampered, "nenkin"));
    assertTrue(e.field().startsWith("csr"), e.getMessage());
  }

  private static void assertRule(String field, String rule, byte[] csr, String party) {
    var e =
        assertThrows(
            CertificateRequestRejectedException.class, () -> SigningRequests.check(csr, party));
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(rule, e.rule(), e.getMessage());
  }

  /** Flips a bit in the DER inside the PEM, in the subject's CN (the signed part). */
  private static byte[] tamper(byte[] pem) {
    String text = new String(pem, java.nio.charset.StandardCharsets.US_ASCII);
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = java.util.Base64.getDecoder().decode(body);
    String asText = new String(der, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = asText.indexOf("nenkin");
    der[at] ^= 0x01; // "nenkin" becomes "oenkin": the signature no longer matches
    return ("-----BEGIN CERTIFICATE REQUEST-----\n"
            + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END CERTIFICATE REQUEST-----\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
