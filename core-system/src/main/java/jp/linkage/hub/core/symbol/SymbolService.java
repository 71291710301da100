package jp.linkage.hub.core.symbol;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;

/**
 * 符号の生成・変換 (symbol issuance and conversion) of the core system.
 *
 * <p>issue: S_A = s_A·M from the registry's person point M. convert: S_B = (s_B·s_A⁻¹ mod n)·S_A,
 * so the core converts without any table from symbol to person and without ever seeing M. Symbols
 * of different agencies are unlinkable without the scalars (DDH on P-256). Each symbol carries a
 * tag keyed per agency, so a symbol presented by the wrong agency is rejected.
 *
 * <p>Thread-safe: the keyring is immutable with a concurrent cache; MACs and points are per call.
 */
public final class SymbolService {

  private final SymbolKeyring keyring;

  public SymbolService(SymbolKeyring keyring) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
  }

  /**
   * 符号生成: the agency's symbol for the person point M, under the current key version.
   *
   * @param compressedPoint the 33-byte compressed person point from the resident registry
   * @throws SymbolRejectedException MALFORMED if the bytes are not a point on P-256
   */
  public AgencySymbol issue(String agencyCode, byte[] compressedPoint) {
    AgencyKey key = keyring.currentKey(agencyCode);
    ECPoint m = P256.decode(compressedPoint, "person point");
    return seal(key, m.multiply(key.scalar()));
  }

  /**
   * 符号変換: turns the presenting agency's symbol into the target agency's symbol for the same person,
   * under the target's current key version.
   *
   * @throws SymbolRejectedException WRONG_AGENCY (tag does not verify for the presenter),
   *     UNKNOWN_VERSION, or MALFORMED
   */
  public AgencySymbol convert(String presentingAgency, AgencySymbol symbol, String targetAgency) {
    AgencyKey from = verified(presentingAgency, symbol);
    AgencyKey to = keyring.currentKey(targetAgency);
    ECPoint s = P256.decode(symbol.point(), "symbol point");
    BigInteger factor = to.scalar().multiply(from.inverse()).mod(P256.N);
    return seal(to, s.multiply(factor));
  }

  /** Whether the symbol's tag verifies for this agency under a usable key version. */
  public boolean belongsTo(String agencyCode, AgencySymbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    if (!keyring.isUsable(symbol.version())) {
      return false;
    }
    return tagMatches(keyring.key(agencyCode, symbol.version()), symbol);
  }

  /** 鍵更新: the agency's symbol under its current key version, for the same person. */
  public AgencySymbol rekey(String agencyCode, AgencySymbol old) {
    if (old.version() == keyring.currentVersion()) {
      verified(agencyCode, old);
      return old;
    }
    return convert(agencyCode, old, agencyCode);
  }

  private AgencyKey verified(String agencyCode, AgencySymbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    AgencyKey key = keyring.key(agencyCode, symbol.version()); // UNKNOWN_VERSION
    if (!tagMatches(key, symbol)) {
      throw new SymbolRejectedException(
          SymbolRejectedException.Reason.WRONG_AGENCY,
          "presented symbol does not belong to agency " + agencyCode + " (or was altered)");
    }
    return key;
  }

  private static AgencySymbol seal(AgencyKey key, ECPoint point) {
    byte[] compressed = point.getEncoded(true);
    return new AgencySymbol(key.version(), compressed, tag(key, compressed));
  }

  private static boolean tagMatches(AgencyKey key, AgencySymbol symbol) {
    return org.bouncycastle.util.Arrays.constantTimeAreEqual(
        tag(key, symbol.point()), symbol.tag());
  }

  private static byte[] tag(AgencyKey key, byte[] compressedPoint) {
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(new KeyParameter(key.tagKey()));
    hmac.update((byte) key.version());
    hmac.update(compressedPoint, 0, compressedPoint.length);
    byte[] full = new byte[hmac.getMacSize()];
    hmac.doFinal(full, 0);
    return Arrays.copyOf(full, AgencySymbol.TAG_LENGTH);
  }
}
