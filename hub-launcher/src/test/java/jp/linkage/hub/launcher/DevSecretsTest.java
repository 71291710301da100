package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import jp.linkage.hub.iface.crypto.AgencyCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretsTest {
  @TempDir Path temp;

  @Test
  void aSecondInstanceOnTheSameDirectoryLoadsTheSameSecrets() throws Exception {
    Path dir = temp.resolve("secrets");
    DevSecrets first = DevSecrets.in(dir);
    AgencyCredentials nenkin = first.credentials("nenkin");
    DevSecrets second = DevSecrets.in(dir);
    assertArrayEquals(first.symbolMasterKey(), second.symbolMasterKey());
    assertArrayEquals(first.registryKey(), second.registryKey());
    assertFalse(Arrays.equals(first.symbolMasterKey(), first.registryKey()), "two keys, not one");
    assertEquals(
        first.certificateAuthority().rootCertificate(),
        second.certificateAuthority().rootCertificate());
    AgencyCredentials again = second.credentials("nenkin");
    assertEquals(nenkin.signingCertificate(), again.signingCertificate());
    assertEquals(nenkin.encryptionKey(), again.encryptionKey());
    again
        .signingCertificate()
        .verify(second.certificateAuthority().rootCertificate().getPublicKey());
  }

  @Test
  void everythingIsReadableByTheOwnerOnly() throws Exception {
    Path dir = temp.resolve("secrets");
    DevSecrets secrets = DevSecrets.in(dir);
    secrets.symbolMasterKey();
    secrets.registryKey();
    secrets.credentials("muni-131016");
    try (Stream<Path> all = Files.walk(dir)) {
      all.forEach(
          p -> {
            try {
              String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
              assertEquals(
                  expected,
                  PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                  p.toString());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    assertTrue(Files.exists(dir.resolve(DevSecrets.SYMBOL_MASTER_KEY)));
    assertEquals(32, Files.size(dir.resolve(DevSecrets.REGISTRY_KEY)));
  }

  @Test
  void withoutDataDirTheSecretsAreRandomAndInMemory() {
    DevSecrets a = DevSecrets.fromEnvironment(Map.of());
    DevSecrets b = DevSecrets.fromEnvironment(Map.of());
    assertTrue(a.directory().isEmpty());
    assertFalse(Arrays.equals(a.symbolMasterKey(), b.symbolMasterKey()));
    assertArrayEquals(a.symbolMasterKey(), a.symbolMasterKey(), "stable within one instance");
  }

  @Test
  void dataDirPutsThemInItsSecretsFolder() {
    DevSecrets s = DevSecrets.fromEnvironment(Map.of("HUB_DATA_DIR", temp.toString()));
    assertEquals(temp.resolve(DevSecrets.DIRECTORY), s.directory().orElseThrow());
  }

  @Test
  void aKeyFileOfTheWrongLengthIsRefused() throws Exception {
    Path dir = temp.resolve("secrets");
    DevSecrets.in(dir);
    Files.write(dir.resolve(DevSecrets.SYMBOL_MASTER_KEY), new byte[7]);
    assertThrows(
        DevSecrets.SecretsUnavailableException.class, () -> DevSecrets.in(dir).symbolMasterKey());
  }
}
