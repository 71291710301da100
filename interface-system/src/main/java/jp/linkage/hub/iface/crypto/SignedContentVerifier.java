package jp.linkage.hub.iface.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import jp.linkage.hub.iface.crypto.PayloadProtectionException.Reason;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** Checks the inner CMS SignedData of a payload; the open half of {@link PayloadProtector}. */
final class SignedContentVerifier {
  private static final int DIGITAL_SIGNATURE = 0; // index in X509Certificate.getKeyUsage()

  OpenedPayload verify(byte[] signedData, CertificateDirectory directory, String expectedSigner) {
    CMSSignedData signed;
    SignerInformation signer;
    X509CertificateHolder holder;
    try {
      signed = new CMSSignedData(signedData);
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1 || signed.getSignedContent() == null) {
        throw malformed(
            "expected one signer and encapsulated content, got " + signers.size() + " signer(s)",
            null);
      }
      signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certs =
          signed.getCertificates().getMatches(signer.getSID());
      if (certs.size() != 1) {
        throw malformed("the signer's certificate is not included", null);
      }
      holder = certs.iterator().next();
    } catch (CMSException | RuntimeException e) {
      if (e instanceof PayloadProtectionException p) {
        throw p;
      }
      throw malformed("decrypted content is not a CMS SignedData structure", e);
    }
    Instant signingTime = signingTime(signer);
    X509Certificate certificate;
    try {
      certificate = directory.trustedCertificate(holder, signingTime);
    } catch (PkiException e) {
      throw new PayloadProtectionException(Reason.UNTRUSTED_SIGNER, e.getMessage(), e);
    }
    boolean[] usage = certificate.getKeyUsage();
    if (usage == null || !usage[DIGITAL_SIGNATURE]) {
      throw new PayloadProtectionException(
          Reason.UNTRUSTED_SIGNER,
          "signer certificate " + holder.getSubject() + " is not for digital signatures");
    }
    checkSignature(signer, certificate);
    String signerAgency = commonName(holder);
    if (!expectedSigner.equals(signerAgency)) {
      throw new PayloadProtectionException(
          Reason.WRONG_SIGNER, "signed by " + signerAgency + ", expected " + expectedSigner);
    }
    byte[] content = (byte[]) signed.getSignedContent().getContent();
    return new OpenedPayload(content, signerAgency, signingTime);
  }

  private static void checkSignature(SignerInformation signer, X509Certificate certificate) {
    if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
      throw new PayloadProtectionException(
          Reason.SIGNATURE_INVALID,
          "digest algorithm " + signer.getDigestAlgOID() + " is not SHA-256");
    }
    boolean valid;
    try {
      valid =
          signer.verify(
              new JcaSimpleSignerInfoVerifierBuilder()
                  .setProvider(CryptoProviders.provider())
                  .build(certificate.getPublicKey()));
    } catch (CMSException | OperatorCreationException | IllegalArgumentException e) {
      // includes a message-digest mismatch (altered content)
      throw new PayloadProtectionException(
          Reason.SIGNATURE_INVALID,
          "signature by " + certificate.getSubjectX500Principal() + " does not verify",
          e);
    }
    if (!valid) {
      throw new PayloadProtectionException(
          Reason.SIGNATURE_INVALID,
          "signature by " + certificate.getSubjectX500Principal() + " does not verify");
    }
  }

  private static Instant signingTime(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (attribute == null || attribute.getAttrValues().size() != 1) {
      throw malformed("no signing-time signed attribute", null);
    }
    try {
      ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
      return Time.getInstance(value).getDate().toInstant();
    } catch (RuntimeException e) {
      throw malformed("unreadable signing-time attribute", e);
    }
  }

  private static String commonName(X509CertificateHolder holder) {
    RDN[] cns = holder.getSubject().getRDNs(BCStyle.CN);
    if (cns.length != 1) {
      throw new PayloadProtectionException(
          Reason.WRONG_SIGNER, "signer certificate " + holder.getSubject() + " has no single CN");
    }
    return IETFUtils.valueToString(cns[0].getFirst().getValue());
  }

  private static PayloadProtectionException malformed(String message, Throwable cause) {
    return new PayloadProtectionException(Reason.MALFORMED, message, cause);
  }
}
