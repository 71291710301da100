package jp.linkage.hub.core.symbol;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * 符号鍵 (symbol keys) of the core system: for each agency and key version a secret scalar s_A ∈ [1,
 * n−1] and a tag key t_A, both derived with HKDF-SHA256 from one master secret, the agency code and
 * the version. Versions {@code oldestVersion..currentVersion} are usable, so symbols issued under
 * an older version can still be converted and rekeyed; new symbols use the current version.
 *
 * <p>Immutable and thread-safe; derived keys are cached (shared with {@link #rotatedTo} copies).
 */
public final class SymbolKeyring {

  /** Lower-case, Kafka-topic-safe agency codes such as {@code muni-131016} or {@code nenkin}. */
  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private static final byte[] SALT =
      "jp.linkage.hub/agency-symbol/v1".getBytes(StandardCharsets.US_ASCII);
  private static final int MIN_MASTER_BYTES = 32;

  /**
   * n is 256 bits; 64 extra bits make the reduction mod n−1 statistically uniform (FIPS 186-5
   * A.2.1).
   */
  private static final int SCALAR_SEED_BYTES = 40;

  private static final int TAG_KEY_BYTES = 32;

  private final byte[] masterSecret;
  private final int currentVersion;
  private final int oldestVersion;
  private final ConcurrentMap<String, AgencyKey> cache;

  /** All versions from 1 to {@code currentVersion} are usable. */
  public SymbolKeyring(byte[] masterSecret, int currentVersion) {
    this(masterSecret, currentVersion, 1);
  }

  /**
   * @param masterSecret at least 32 secret bytes (copied)
   * @param currentVersion version of newly issued symbols, 1..255
   * @param oldestVersion oldest version still accepted (older ones are retired), 1..currentVersion
   */
  public SymbolKeyring(byte[] masterSecret, int currentVersion, int oldestVersion) {
    this(copyMaster(masterSecret), currentVersion, oldestVersion, new ConcurrentHashMap<>());
  }

  private SymbolKeyring(
      byte[] master,
      int currentVersion,
      int oldestVersion,
      ConcurrentMap<String, AgencyKey> cache) {
    if (currentVersion < 1 || currentVersion > AgencySymbol.MAX_VERSION) {
      throw new IllegalArgumentException(
          "current key version must be 1..255, got " + currentVersion);
    }
    if (oldestVersion < 1 || oldestVersion > currentVersion) {
      throw new IllegalArgumentException(
          "oldest key version must be 1.." + currentVersion + ", got " + oldestVersion);
    }
    this.masterSecret = master;
    this.currentVersion = currentVersion;
    this.oldestVersion = oldestVersion;
    this.cache = cache;
  }

  /** The same master secret with another current (and oldest accepted) version: key rotation. */
  public SymbolKeyring rotatedTo(int newCurrentVersion, int newOldestVersion) {
    return new SymbolKeyring(masterSecret, newCurrentVersion, newOldestVersion, cache);
  }

  public int currentVersion() {
    return currentVersion;
  }

  public int oldestVersion() {
    return oldestVersion;
  }

  public boolean isUsable(int version) {
    return version >= oldestVersion && version <= currentVersion;
  }

  AgencyKey currentKey(String agencyCode) {
    return key(agencyCode, currentVersion);
  }

  /**
   * @throws SymbolRejectedException UNKNOWN_VERSION if the version is not usable
   */
  AgencyKey key(String agencyCode, int version) {
    requireAgencyCode(agencyCode);
    if (!isUsable(version)) {
      throw new SymbolRejectedException(
          SymbolRejectedException.Reason.UNKNOWN_VERSION,
          "key version " + version + " is not in " + oldestVersion + ".." + currentVersion);
    }
    return cache.computeIfAbsent(agencyCode + '\0' + version, k -> derive(agencyCode, version));
  }

  static void requireAgencyCode(String agencyCode) {
    if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches()) {
      throw new IllegalArgumentException(
          "agency code must match " + AGENCY_CODE + ", got " + agencyCode);
    }
  }

  private AgencyKey derive(String agencyCode, int version) {
    BigInteger nMinusOne = P256.N.subtract(BigInteger.ONE);
    BigInteger scalar =
        new BigInteger(1, hkdf("scalar", agencyCode, version, SCALAR_SEED_BYTES))
            .mod(nMinusOne)
            .add(BigInteger.ONE);
    byte[] tagKey = hkdf("tag", agencyCode, version, TAG_KEY_BYTES);
    return new AgencyKey(agencyCode, version, scalar, scalar.modInverse(P256.N), tagKey);
  }

  private byte[] hkdf(String purpose, String agencyCode, int version, int length) {
    // info = purpose NUL agency NUL version-byte: unambiguous since codes contain no NUL
    byte[] info = (purpose + '\0' + agencyCode + '\0').getBytes(StandardCharsets.US_ASCII);
    byte[] withVersion = Arrays.copyOf(info, info.length + 1);
    withVersion[info.length] = (byte) version;
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(masterSecret, SALT, withVersion));
    byte[] out = new byte[length];
    hkdf.generateBytes(out, 0, length);
    return out;
  }

  private static byte[] copyMaster(byte[] masterSecret) {
    Objects.requireNonNull(masterSecret, "masterSecret");
    if (masterSecret.length < MIN_MASTER_BYTES) {
      throw new IllegalArgumentException(
          "master secret must have at least "
              + MIN_MASTER_BYTES
              + " bytes, got "
              + masterSecret.length);
    }
    return masterSecret.clone();
  }

  @Override
  public String toString() {
    return "SymbolKeyring[versions " + oldestVersion + ".." + currentVersion + "]";
  }
}
