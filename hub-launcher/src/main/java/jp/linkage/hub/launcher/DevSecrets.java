package jp.linkage.hub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.linkage.hub.iface.crypto.AgencyCredentials;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PemFiles;
import jp.linkage.hub.infra.InfraSetting;

/**
 * 開発用の鍵 (development secrets) that every hub process must agree on: the core's symbol master key
 * (符号鍵の親鍵), the resident registry's person-point key, and the development PKI (root CA and each
 * agency's credentials). Either random in memory (one-process demo and tests) or loaded from a
 * directory, created there on first use, so that separate processes and restarts share them.
 *
 * <p>Directory layout: {@code symbol-master.key}, {@code registry.key} (32 raw bytes each) and
 * {@code pki/} ({@link PemFiles} layout). Everything is owner-only (700/600); creation happens
 * under an inter-process file lock. Development only: the keys are not encrypted at rest.
 * Thread-safe.
 */
public final class DevSecrets {
  /** Below {@code HUB_DATA_DIR}. */
  public static final String DIRECTORY = "secrets";

  public static final String SYMBOL_MASTER_KEY = "symbol-master.key";
  public static final String REGISTRY_KEY = "registry.key";
  public static final String PKI = "pki";
  private static final int KEY_BYTES = 32;

  private final Path dir;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> keys = new HashMap<>();
  private final Map<String, AgencyCredentials> credentials = new HashMap<>();
  private DevCertificateAuthority ca;

  private DevSecrets(Path dir) {
    this.dir = dir;
  }

  /** Fresh random secrets, in memory only: lost when the process ends. */
  public static DevSecrets random() {
    return new DevSecrets(null);
  }

  /** Secrets kept in {@code dir} (created owner-only if missing). */
  public static DevSecrets in(Path dir) {
    try {
      SecretFiles.ownerOnlyDirectory(dir);
      SecretFiles.ownerOnlyDirectory(dir.resolve(PKI));
    } catch (IOException e) {
      throw new SecretsUnavailableException("cannot create the secrets directory " + dir, e);
    }
    return new DevSecrets(dir);
  }

  /** {@code $HUB_DATA_DIR/secrets} when HUB_DATA_DIR is set, else random. */
  public static DevSecrets fromEnvironment(Map<String, String> env) {
    return InfraSetting.HUB_DATA_DIR
        .lookup(env)
        .map(d -> in(Path.of(d).resolve(DIRECTORY)))
        .orElseGet(DevSecrets::random);
  }

  /** Where the secrets are kept; empty when they are in memory only. */
  public Optional<Path> directory() {
    return Optional.ofNullable(dir);
  }

  /** Master secret of the core's {@code SymbolKeyring} (copy). */
  public byte[] symbolMasterKey() {
    return key(SYMBOL_MASTER_KEY);
  }

  /** HMAC key of the {@code ResidentRegistry}'s person points (copy). */
  public byte[] registryKey() {
    return key(REGISTRY_KEY);
  }

  public synchronized DevCertificateAuthority certificateAuthority() {
    if (ca == null) {
      ca =
          dir == null
              ? DevCertificateAuthority.create()
              : underLock(
                  () -> {
                    DevCertificateAuthority loaded =
                        DevCertificateAuthority.loadOrCreate(dir.resolve(PKI));
                    SecretFiles.tighten(dir);
                    return loaded;
                  });
    }
    return ca;
  }

  /** The agency's keys and certificates, issued by {@link #certificateAuthority()} on first use. */
  public synchronized AgencyCredentials credentials(String agency) {
    AgencyCredentials found = credentials.get(agency);
    if (found == null) {
      DevCertificateAuthority authority = certificateAuthority();
      found =
          dir == null
              ? authority.issue(agency)
              : underLock(
                  () -> {
                    Path pki = dir.resolve(PKI);
                    if (Files.exists(PemFiles.encryptionKeyFile(pki, agency))) {
                      return PemFiles.readCredentials(pki, agency);
                    }
                    AgencyCredentials issued = authority.issue(agency);
                    PemFiles.writeCredentials(pki, issued);
                    SecretFiles.tighten(dir);
                    return issued;
                  });
      credentials.put(agency, found);
    }
    return found;
  }

  private synchronized byte[] key(String name) {
    byte[] key = keys.get(name);
    if (key == null) {
      key =
          dir == null
              ? newKey()
              : underLock(
                  () -> {
                    Path file = dir.resolve(name);
                    if (Files.exists(file)) {
                      byte[] stored = Files.readAllBytes(file);
                      if (stored.length != KEY_BYTES) {
                        throw new IOException(
                            file + " holds " + stored.length + " bytes, expected " + KEY_BYTES);
                      }
                      return stored;
                    }
                    byte[] made = newKey();
                    SecretFiles.writeOwnerOnly(file, made);
                    return made;
                  });
      keys.put(name, key);
    }
    return key.clone();
  }

  private byte[] newKey() {
    byte[] b = new byte[KEY_BYTES];
    random.nextBytes(b);
    return b;
  }

  private <T> T underLock(SecretFiles.IoAction<T> action) {
    try {
      return SecretFiles.locked(dir, action);
    } catch (IOException e) {
      throw new SecretsUnavailableException("cannot load or create secrets in " + dir, e);
    }
  }

  /** The secrets directory cannot be read or written. */
  public static final class SecretsUnavailableException extends RuntimeException {
    SecretsUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
