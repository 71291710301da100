package jp.linkage.hub.registry;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * 符号生成用の仮名点 (pseudonymous person point): M = hash-to-curve(HMAC(registry key, 住民票コード)) on P-256, as
 * 33 compressed-point bytes (SEC 1). It is what the registry hands to the core system for 機関別符号
 * (agency symbol) generation instead of the resident record code.
 *
 * <p>It is the same whichever agency asks; only the core system's per-agency secrets turn it into
 * an agency symbol. {@link #toString()} shows a short prefix only.
 *
 * @param compressed the 33-byte compressed encoding (a defensive copy is held and returned)
 */
public record PersonPoint(byte[] compressed) {

  /** Length of a compressed P-256 point. */
  public static final int LENGTH = 33;

  public PersonPoint {
    Objects.requireNonNull(compressed, "compressed");
    compressed = compressed.clone();
    try {
      P256HashToCurve.decode(compressed);
    } catch (IllegalArgumentException e) {
      throw new InvalidPersonPointException(
          "not a compressed P-256 point (" + compressed.length + " bytes)", e);
    }
  }

  /** Decodes the base64url (unpadded) form produced by {@link #toBase64Url()}. */
  public static PersonPoint fromBase64Url(String text) {
    try {
      return new PersonPoint(Base64.getUrlDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidPersonPointException("person point is not valid base64url", e);
    }
  }

  /** A copy of the 33 bytes. */
  @Override
  public byte[] compressed() {
    return compressed.clone();
  }

  /** Unpadded base64url of the 33 bytes (44 characters). */
  public String toBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(compressed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonPoint other && Arrays.equals(compressed, other.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  /** Only a short prefix, enough to tell points apart in a debugger. */
  @Override
  public String toString() {
    return "PersonPoint[" + toBase64Url().substring(0, 8) + "…]";
  }
}
