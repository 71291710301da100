package jp.linkage.hub.registry;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Hash-to-curve on P-256 by try-and-increment: x = SHA-256(h ‖ counter) mod p for counter = 0, 1, …
 * (counter as 4 bytes big-endian) until x³ − 3x + b is a square; the point is the one with even y
 * (compressed prefix 0x02). About two tries on average.
 *
 * <p>Not constant time: the number of tries leaks through timing. Production would use the RFC 9380
 * {@code P256_XMD:SHA-256_SSWU_RO_} suite (simplified SWU map), which is constant time and
 * standard.
 */
public final class P256HashToCurve {

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = P256.getCurve();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  private P256HashToCurve() {}

  /** Maps {@code h} to a point and returns its 33-byte compressed encoding. */
  public static byte[] hashToCurve(byte[] h) {
    MessageDigest sha256 = sha256();
    for (int counter = 0; counter >= 0; counter++) {
      sha256.update(h);
      sha256.update(ByteBuffer.allocate(4).putInt(counter).array());
      BigInteger x = new BigInteger(1, sha256.digest()).mod(P);
      ECFieldElement fx = CURVE.fromBigInteger(x);
      ECFieldElement rhs = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB());
      if (rhs.sqrt() != null) {
        byte[] encoded = new byte[33];
        encoded[0] = 0x02;
        System.arraycopy(fx.getEncoded(), 0, encoded, 1, 32); // 32 bytes, big-endian
        return decode(encoded).getEncoded(true); // round trip also validates
      }
    }
    throw new IllegalStateException("unreachable: hash-to-curve exhausted its counter");
  }

  /** Decodes and validates a compressed point; rejects the point at infinity. */
  static ECPoint decode(byte[] compressed) {
    if (compressed.length != PersonPoint.LENGTH
        || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
      throw new IllegalArgumentException("expected a 33-byte compressed point");
    }
    ECPoint point = CURVE.decodePoint(compressed);
    if (point.isInfinity() || !point.isValid()) {
      throw new IllegalArgumentException("point is not a valid P-256 point");
    }
    return point;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
