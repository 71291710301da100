package jp.linkage.hub.core.symbol;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Synthetic person points (k·G for a random k), standing in for the registry's hash-to-curve
 * points.
 */
final class TestPoints {

  static final byte[] MASTER = filled(32, (byte) 0x5a);

  private TestPoints() {}

  static byte[] randomPoint(Random rng) {
    BigInteger k = new BigInteger(255, rng).add(BigInteger.ONE);
    return P256.PARAMS.getG().multiply(k).getEncoded(true);
  }

  static byte[] filled(int n, byte b) {
    byte[] out = new byte[n];
    Arrays.fill(out, b);
    return out;
  }
}
