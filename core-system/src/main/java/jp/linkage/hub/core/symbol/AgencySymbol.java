package jp.linkage.hub.core.symbol;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * 機関別符号 (agency symbol): one person's identifier for one agency, S_A = s_A·M on P-256, in the style
 * of polymorphic pseudonyms. The agency code is deliberately not encoded; only the tag, keyed per
 * agency, ties the symbol to its agency.
 *
 * <p>Wire form: base64url (unpadded, 67 characters) of version (1 byte) ‖ compressed S_A (33 bytes)
 * ‖ HMAC-SHA256(t_A, version ‖ S_A) truncated to 16 bytes. This constructor checks structure only;
 * {@link SymbolService} checks the tag and that S_A is on the curve.
 *
 * @param version key version, 1..255
 * @param point compressed S_A (copied)
 * @param tag truncated HMAC (copied)
 */
public record AgencySymbol(int version, byte[] point, byte[] tag) {

  public static final int MAX_VERSION = 255;
  public static final int POINT_LENGTH = 33;
  public static final int TAG_LENGTH = 16;
  public static final int ENCODED_BYTES = 1 + POINT_LENGTH + TAG_LENGTH;

  public AgencySymbol {
    if (version < 1 || version > MAX_VERSION) {
      throw malformed("version must be 1..255, got " + version);
    }
    if (point == null || point.length != POINT_LENGTH || (point[0] != 0x02 && point[0] != 0x03)) {
      throw malformed("point must be 33 bytes in compressed form");
    }
    if (tag == null || tag.length != TAG_LENGTH) {
      throw malformed("tag must be 16 bytes");
    }
    point = point.clone();
    tag = tag.clone();
  }

  /** Parses the 50-byte binary form. */
  public static AgencySymbol fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != ENCODED_BYTES) {
      throw malformed("expected " + ENCODED_BYTES + " bytes, got " + bytes.length);
    }
    return new AgencySymbol(
        bytes[0] & 0xff,
        Arrays.copyOfRange(bytes, 1, 1 + POINT_LENGTH),
        Arrays.copyOfRange(bytes, 1 + POINT_LENGTH, ENCODED_BYTES));
  }

  /** Parses the base64url form produced by {@link #encoded()}. */
  public static AgencySymbol decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new SymbolRejectedException(
          SymbolRejectedException.Reason.MALFORMED, "not base64url", e);
    }
    return fromBytes(bytes);
  }

  @Override
  public byte[] point() {
    return point.clone();
  }

  @Override
  public byte[] tag() {
    return tag.clone();
  }

  /** version ‖ point ‖ tag (50 bytes). */
  public byte[] toBytes() {
    byte[] out = new byte[ENCODED_BYTES];
    out[0] = (byte) version;
    System.arraycopy(point, 0, out, 1, POINT_LENGTH);
    System.arraycopy(tag, 0, out, 1 + POINT_LENGTH, TAG_LENGTH);
    return out;
  }

  /** Unpadded base64url of {@link #toBytes()}: the form stored by agencies and sent in messages. */
  public String encoded() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgencySymbol other
        && version == other.version
        && Arrays.equals(point, other.point)
        && Arrays.equals(tag, other.tag);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * version + Arrays.hashCode(point)) + Arrays.hashCode(tag);
  }

  /** Version and a short prefix of the x-coordinate only. */
  @Override
  public String toString() {
    String x =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(point, 1, 7));
    return "AgencySymbol[v" + version + ":" + x + "…]";
  }

  private static SymbolRejectedException malformed(String message) {
    return new SymbolRejectedException(SymbolRejectedException.Reason.MALFORMED, message);
  }
}
