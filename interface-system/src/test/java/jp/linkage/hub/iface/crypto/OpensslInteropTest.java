package jp.linkage.hub.iface.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed format is standard CMS: stock {@code openssl cms} decrypts and verifies it. */
class OpensslInteropTest {
  @TempDir Path dir;

  @BeforeAll
  static void requireOpenssl() {
    Assumptions.assumeTrue(opensslOnPath(), "openssl is not on PATH");
  }

  @Test
  void opensslDecryptsAndVerifiesASealedPayload() throws Exception {
    TestPki.CA.writeTo(dir);
    PemFiles.writeCredentials(dir, TestPki.MUNI_CREDENTIALS);
    byte[] content = TestPki.payload();
    byte[] sealed =
        new PayloadProtector()
            .seal(
                content,
                TestPki.KENPO_CREDENTIALS,
                TestPki.MUNI_CREDENTIALS.encryptionCertificate());
    Files.write(dir.resolve("sealed.der"), sealed);

    Result decrypt =
        openssl(
            "cms",
            "-decrypt",
            "-inform",
            "DER",
            "-in",
            "sealed.der",
            "-recip",
            file(PemFiles.encryptionCertificateFile(dir, TestPki.MUNI)),
            "-inkey",
            file(PemFiles.encryptionKeyFile(dir, TestPki.MUNI)),
            "-binary",
            "-out",
            "signed.der");
    assertEquals(0, decrypt.exitCode, decrypt.output);

    Result verify =
        openssl(
            "cms",
            "-verify",
            "-inform",
            "DER",
            "-in",
            "signed.der",
            "-CAfile",
            PemFiles.ROOT_CERTIFICATE,
            "-binary",
            "-out",
            "content.bin");
    assertEquals(0, verify.exitCode, verify.output);
    assertTrue(verify.output.contains("Verification successful"), verify.output);
    assertArrayEquals(content, Files.readAllBytes(dir.resolve("content.bin")));
  }

  @Test
  void opensslRejectsTheSignatureUnderAnotherRoot() throws Exception {
    DevCertificateAuthority.create("Other CA").writeTo(dir);
    PemFiles.writeCredentials(dir, TestPki.MUNI_CREDENTIALS);
    Files.write(
        dir.resolve("sealed.der"),
        new PayloadProtector()
            .seal(
                TestPki.payload(),
                TestPki.KENPO_CREDENTIALS,
                TestPki.MUNI_CREDENTIALS.encryptionCertificate()));
    assertEquals(
        0,
        openssl(
                "cms",
                "-decrypt",
                "-inform",
                "DER",
                "-in",
                "sealed.der",
                "-recip",
                file(PemFiles.encryptionCertificateFile(dir, TestPki.MUNI)),
                "-inkey",
                file(PemFiles.encryptionKeyFile(dir, TestPki.MUNI)),
                "-binary",
                "-out",
                "signed.der")
            .exitCode);

    Result verify =
        openssl(
            "cms",
            "-verify",
            "-inform",
            "DER",
            "-in",
            "signed.der",
            "-CAfile",
            PemFiles.ROOT_CERTIFICATE,
            "-binary",
            "-out",
            "content.bin");
    assertNotEquals(0, verify.exitCode, verify.output);
  }

  @Test
  void opensslAcceptsTheCertificates() throws Exception {
    TestPki.CA.writeTo(dir);
    PemFiles.writeCredentials(dir, TestPki.KENPO_CREDENTIALS);
    Result verify =
        openssl(
            "verify",
            "-CAfile",
            PemFiles.ROOT_CERTIFICATE,
            "-x509_strict",
            file(PemFiles.signingCertificateFile(dir, TestPki.KENPO)),
            file(PemFiles.encryptionCertificateFile(dir, TestPki.KENPO)));
    assertEquals(0, verify.exitCode, verify.output);
    Result key =
        openssl("pkey", "-in", file(PemFiles.signingKeyFile(dir, TestPki.KENPO)), "-noout");
    assertEquals(0, key.exitCode, key.output);
  }

  private static String file(Path path) {
    return path.getFileName().toString();
  }

  private record Result(int exitCode, String output) {}

  private Result openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl finished");
    return new Result(process.exitValue(), String.join(" ", command) + "\n" + output);
  }

  private static boolean opensslOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, "openssl"))) {
        return true;
      }
    }
    return false;
  }
}
