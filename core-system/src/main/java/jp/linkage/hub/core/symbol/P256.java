package jp.linkage.hub.core.symbol;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** The curve of the symbol scheme (NIST P-256, Bouncy Castle's optimised implementation). */
final class P256 {

  static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
  static final ECCurve CURVE = PARAMS.getCurve();

  /** Order of the base point; P-256 has cofactor 1, so every valid point is in this group. */
  static final BigInteger N = PARAMS.getN();

  static final int COMPRESSED_LENGTH = 33;

  private P256() {}

  /** Decodes a compressed point, rejecting anything else and the point at infinity. */
  static ECPoint decode(byte[] compressed, String what) {
    if (compressed == null
        || compressed.length != COMPRESSED_LENGTH
        || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
      throw new SymbolRejectedException(
          SymbolRejectedException.Reason.MALFORMED, what + " is not a 33-byte compressed point");
    }
    try {
      ECPoint point = CURVE.decodePoint(compressed);
      if (point.isInfinity() || !point.isValid()) {
        throw new IllegalArgumentException("invalid point");
      }
      return point;
    } catch (IllegalArgumentException e) {
      throw new SymbolRejectedException(
          SymbolRejectedException.Reason.MALFORMED, what + " is not a point on P-256", e);
    }
  }
}
