package jp.linkage.hub.iface.crypto;

import java.util.Objects;

/**
 * A payload could not be sealed, or a sealed payload was rejected when opened; {@link #reason()}
 * says why in a form a caller can turn into a specific rejection of the message.
 */
public class PayloadProtectionException extends CryptoException {
  private static final long serialVersionUID = 1L;

  /** Why a payload was rejected (or could not be sealed). */
  public enum Reason {
    /** Not CMS of the expected shape (AuthEnvelopedData around SignedData, one signer). */
    MALFORMED,
    /** Not encrypted for this recipient, wrong key, or the ciphertext or its tag was altered. */
    DECRYPTION_FAILED,
    /** The signature does not verify against the included signer certificate. */
    SIGNATURE_INVALID,
    /**
     * The signer certificate does not chain to the trust anchor, or was not valid at signing time.
     */
    UNTRUSTED_SIGNER,
    /** A trusted signer, but not the agency the payload was expected from. */
    WRONG_SIGNER,
    /** Sealing failed (bad credentials or recipient certificate); never caused by received data. */
    SEAL_FAILED
  }

  private final Reason reason;

  public PayloadProtectionException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public PayloadProtectionException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
