package jp.linkage.hub.core.symbol;

import java.math.BigInteger;

/**
 * One agency's secrets for one key version: the scalar s_A, its inverse mod n (cached because every
 * conversion away from this agency needs it) and the tag key t_A. Never leaves the core.
 */
record AgencyKey(
    String agencyCode, int version, BigInteger scalar, BigInteger inverse, byte[] tagKey) {

  /** Secrets are never printed. */
  @Override
  public String toString() {
    return "AgencyKey[" + agencyCode + ", v" + version + "]";
  }
}
