package jp.linkage.hub.iface.crypto;

import java.time.Instant;
import java.util.Objects;

/**
 * A payload that was decrypted and whose signature, signer certificate and signer identity were all
 * checked by {@link PayloadProtector#open}.
 *
 * @param content the provider's content bytes (not copied; the caller owns them)
 * @param signerAgency agency code of the signer (the CN of its signing certificate)
 * @param signingTime the signing-time attribute the signer put under its signature (seconds)
 */
public record OpenedPayload(byte[] content, String signerAgency, Instant signingTime) {
  public OpenedPayload {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signerAgency, "signerAgency");
    Objects.requireNonNull(signingTime, "signingTime");
  }
}
