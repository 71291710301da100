package jp.linkage.hub.iface.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dev PKI written by one process can be loaded by another. */
class PemFilesTest {
  @TempDir Path dir;

  @Test
  void credentialsSurviveAWriteAndLoadRoundTrip() {
    PemFiles.writeCredentials(dir, TestPki.KENPO_CREDENTIALS);

    AgencyCredentials loaded = PemFiles.readCredentials(dir, TestPki.KENPO);

    AgencyCredentials original = TestPki.KENPO_CREDENTIALS;
    assertEquals(original.signingCertificate(), loaded.signingCertificate());
    assertEquals(original.encryptionCertificate(), loaded.encryptionCertificate());
    assertArrayEquals(original.signingKey().getEncoded(), loaded.signingKey().getEncoded());
    assertArrayEquals(original.encryptionKey().getEncoded(), loaded.encryptionKey().getEncoded());
  }

  @Test
  void loadedPkiSealsAndOpensLikeTheOriginal() {
    TestPki.CA.writeTo(dir);
    PemFiles.writeCredentials(dir, TestPki.KENPO_CREDENTIALS);
    PemFiles.writeCredentials(dir, TestPki.MUNI_CREDENTIALS);

    // "Another process": everything comes from the files.
    CertificateDirectory directory = CertificateDirectory.load(dir);
    AgencyCredentials kenpo = PemFiles.readCredentials(dir, TestPki.KENPO);
    AgencyCredentials muni = PemFiles.readCredentials(dir, TestPki.MUNI);
    PayloadProtector protector = new PayloadProtector();
    byte[] sealed =
        protector.seal(TestPki.payload(), kenpo, directory.encryptionCertificate(TestPki.MUNI));

    assertEquals(Set.of(TestPki.KENPO, TestPki.MUNI), directory.agencies());
    assertEquals(TestPki.CA.rootCertificate(), directory.trustAnchor());
    assertArrayEquals(
        TestPki.payload(), protector.open(sealed, muni, directory, TestPki.KENPO).content());
    // and the original in-memory credentials can open what the loaded ones sealed
    assertArrayEquals(
        TestPki.payload(),
        protector
            .open(sealed, TestPki.MUNI_CREDENTIALS, TestPki.directory(), TestPki.KENPO)
            .content());
  }

  @Test
  void loadedCaIssuesCertificatesTheOriginalRootTrusts() throws Exception {
    TestPki.CA.writeTo(dir);
    DevCertificateAuthority loaded = DevCertificateAuthority.load(dir);
    AgencyCredentials issued = loaded.issue("muni-271004");
    issued.signingCertificate().verify(TestPki.CA.rootCertificate().getPublicKey());
    TestPki.directory().register(issued.certificates()); // chains to the same anchor
  }

  @Test
  void loadOrCreateCreatesOnceThenLoads() {
    DevCertificateAuthority first = DevCertificateAuthority.loadOrCreate(dir);
    DevCertificateAuthority second = DevCertificateAuthority.loadOrCreate(dir);
    assertEquals(first.rootCertificate(), second.rootCertificate());
  }

  @Test
  void privateKeysAreOwnerOnlyAndInPkcs8() throws Exception {
    PemFiles.writeCredentials(dir, TestPki.MUNI_CREDENTIALS);
    Path key = PemFiles.signingKeyFile(dir, TestPki.MUNI);
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
    if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
      assertEquals(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(key));
    }
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().startsWith(".tmp-")), "no temp left");
    }
  }

  @Test
  void aFileWithoutACertificateIsAClearError() throws Exception {
    Path file = dir.resolve("root-cert.pem");
    Files.writeString(file, "not pem\n");
    PkiException e = assertThrows(PkiException.class, () -> PemFiles.readCertificate(file));
    assertTrue(e.getMessage().contains("root-cert.pem"), e.getMessage());
  }
}
