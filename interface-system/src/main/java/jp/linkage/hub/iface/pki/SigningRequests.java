package jp.linkage.hub.iface.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.regex.Pattern;
import jp.linkage.hub.iface.crypto.CryptoProviders;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Reads and checks a PKCS#10 certificate signing request as {@code openssl req} writes it (PEM).
 * Every refusal names the field and the rule; nothing else escapes, whatever the bytes.
 */
public final class SigningRequests {
  /** A P-256 request is under 1 KiB in PEM; anything far larger is not a request. */
  public static final int MAX_BYTES = 16 * 1024;

  /** What the broker's principal mapping accepts as a party name. */
  public static final Pattern PARTY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

  private SigningRequests() {}

  /** A checked request: who asked (CN) and the public key to certify. */
  public record CheckedRequest(String commonName, PublicKey publicKey) {}

  /**
   * Parses {@code pem} and checks its self-signature, its key (EC P-256) and that its CN is {@code
   * party}.
   */
  public static CheckedRequest check(byte[] pem, String party)
      throws CertificateRequestRejectedException {
    if (pem.length > MAX_BYTES) {
      throw new CertificateRequestRejectedException(
          "csr", "TOO_LARGE", pem.length + " bytes, at most " + MAX_BYTES);
    }
    checkParty(party);
    JcaPKCS10CertificationRequest request = parse(pem);
    SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
        || !SECObjectIdentifiers.secp256r1.equals(key.getAlgorithm().getParameters())) {
      throw new CertificateRequestRejectedException(
          "csr.publicKey", "NOT_P256", "the key must be EC on the named curve P-256 (prime256v1)");
    }
    try {
      boolean valid =
          request.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .setProvider(CryptoProviders.provider())
                  .build(key));
      if (!valid) {
        throw new CertificateRequestRejectedException(
            "csr.signature", "INVALID", "the request is not signed by the key it names");
      }
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw new CertificateRequestRejectedException(
          "csr.signature", "UNVERIFIABLE", "the request's signature cannot be checked: " + e);
    }
    String commonName = commonName(request.getSubject());
    if (!party.equals(commonName)) {
      throw new CertificateRequestRejectedException(
          "csr.subject.CN",
          "NOT_THE_PARTY",
          "the request names CN '" + commonName + "', not the party '" + party + "'");
    }
    try {
      return new CheckedRequest(
          commonName, request.setProvider(CryptoProviders.provider()).getPublicKey());
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      throw new CertificateRequestRejectedException(
          "csr.publicKey", "UNDECODABLE", "the key cannot be decoded: " + e);
    }
  }

  /**
   * Party names are what the broker maps a certificate to: lower-case letters, digits, '.', '-'.
   */
  public static void checkParty(String party) throws CertificateRequestRejectedException {
    if (party == null || !PARTY.matcher(party).matches()) {
      throw new CertificateRequestRejectedException(
          "party",
          "BAD_NAME",
          "'" + party + "' is not 1-63 of a-z, 0-9, '.', '-' starting with a letter or digit");
    }
  }

  private static JcaPKCS10CertificationRequest parse(byte[] pem)
      throws CertificateRequestRejectedException {
    CryptoProviders.ensureRegistered();
    Object object;
    try (PEMParser parser =
        new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new CertificateRequestRejectedException(
          "csr", "NOT_PEM", "not a PEM certificate request: " + e.getMessage());
    }
    if (!(object instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest request)) {
      throw new CertificateRequestRejectedException(
          "csr",
          "NOT_A_REQUEST",
          "expected '-----BEGIN CERTIFICATE REQUEST-----' (openssl req -new), found "
              + (object == null ? "nothing" : object.getClass().getSimpleName()));
    }
    return new JcaPKCS10CertificationRequest(request);
  }

  private static String commonName(X500Name subject) throws CertificateRequestRejectedException {
    RDN[] names = subject.getRDNs(BCStyle.CN);
    if (names.length != 1 || names[0].isMultiValued()) {
      throw new CertificateRequestRejectedException(
          "csr.subject.CN", "NOT_ONE", "the subject must have exactly one CN");
    }
    return IETFUtils.valueToString(names[0].getFirst().getValue());
  }
}
