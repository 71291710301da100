package jp.linkage.hub.iface.crypto;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Objects;
import jp.linkage.hub.iface.crypto.PayloadProtectionException.Reason;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Protects a provision payload end to end (提供情報の署名・暗号化): signed by the providing agency, encrypted
 * for the querying agency, so the hub only ever routes ciphertext (invariant 4,
 * docs/requirements.md).
 *
 * <p>Format, all standard CMS (RFC 5652) in DER, so {@code openssl cms} can check it:
 *
 * <ul>
 *   <li>inner: SignedData, SHA-256 with ECDSA (P-256), encapsulated content, the signer's
 *       certificate included, signed attributes content-type, message-digest, signing-time and CMS
 *       algorithm protection;
 *   <li>outer: AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084) around the DER of the
 *       SignedData (content type id-data, as {@code openssl cms -sign | openssl cms -encrypt} nests
 *       them), the content-encryption key delivered by KeyAgreeRecipientInfo: ephemeral-static ECDH
 *       with the X9.63 SHA-256 KDF (dhSinglePass-stdDH-sha256kdf-scheme) and AES-256 key wrap. GCM
 *       makes any change to the ciphertext fail decryption instead of surfacing as garbage.
 * </ul>
 *
 * Thread-safe: holds no mutable state; BC builders are made per call.
 */
public final class PayloadProtector {
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private final DigestCalculatorProvider digests;
  private final SignedContentVerifier verifier = new SignedContentVerifier();

  public PayloadProtector() {
    try {
      this.digests =
          new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.provider()).build();
    } catch (OperatorCreationException e) {
      throw new PayloadProtectionException(Reason.SEAL_FAILED, "no digest provider", e);
    }
  }

  /**
   * Signs {@code content} with the signer's signing key and encrypts the result for the holder of
   * {@code recipient} (an encryption certificate from the {@link CertificateDirectory}).
   *
   * @return DER-encoded CMS ContentInfo of type id-ct-authEnvelopedData
   * @throws PayloadProtectionException with reason {@link Reason#SEAL_FAILED}
   */
  public byte[] seal(byte[] content, AgencyCredentials signer, X509Certificate recipient) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(recipient, "recipient");
    return encrypt(sign(content, signer), recipient);
  }

  /**
   * Decrypts {@code cms} with the recipient's encryption key, verifies the signature, checks that
   * the signer certificate chains to the directory's trust anchor and was valid at signing time,
   * and that it belongs to {@code expectedSigner}.
   *
   * @throws PayloadProtectionException saying which check failed
   */
  public OpenedPayload open(
      byte[] cms,
      AgencyCredentials recipient,
      CertificateDirectory directory,
      String expectedSigner) {
    Objects.requireNonNull(cms, "cms");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(expectedSigner, "expectedSigner");
    return verifier.verify(decrypt(cms, recipient), directory, expectedSigner);
  }

  /** The inner layer alone (package-private for tests that tamper between the layers). */
  byte[] sign(byte[] content, AgencyCredentials signer) {
    try {
      var signingTime = new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date())));
      var signerInfo =
          new JcaSignerInfoGeneratorBuilder(digests)
              .setSignedAttributeGenerator(
                  new DefaultSignedAttributeTableGenerator(new AttributeTable(signingTime)))
              .build(
                  new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                      .setProvider(CryptoProviders.provider())
                      .build(signer.signingKey()),
                  signer.signingCertificate());
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo);
      generator.addCertificate(new JcaX509CertificateHolder(signer.signingCertificate()));
      return generator
          .generate(new CMSProcessableByteArray(content), true)
          .getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException
        | CMSException
        | IOException
        | java.security.cert.CertificateEncodingException
        | IllegalArgumentException e) {
      throw new PayloadProtectionException(
          Reason.SEAL_FAILED, "cannot sign as " + signer.agencyCode(), e);
    }
  }

  /** The outer layer alone (package-private for tests that tamper between the layers). */
  byte[] encrypt(byte[] signedData, X509Certificate recipient) {
    try {
      // Ephemeral-static ECDH: a fresh originator key per payload, as openssl does.
      KeyPair ephemeral = CertificateMaker.newP256KeyPair();
      var recipientInfo =
          new JceKeyAgreeRecipientInfoGenerator(
                  CMSAlgorithm.ECDH_SHA256KDF,
                  ephemeral.getPrivate(),
                  ephemeral.getPublic(),
                  CMSAlgorithm.AES256_WRAP)
              .setProvider(CryptoProviders.provider())
              .setSecureRandom(CryptoProviders.secureRandom())
              .addRecipient(recipient);
      OutputAEADEncryptor encryptor =
          (OutputAEADEncryptor)
              new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                  .setProvider(CryptoProviders.provider())
                  .setSecureRandom(CryptoProviders.secureRandom())
                  .build();
      CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
      generator.addRecipientInfoGenerator(recipientInfo);
      // The inner SignedData travels labelled id-data: RFC 5083 would then require authAttrs,
      // which OpenSSL up to at least 3.0.19 cannot parse (openssl/openssl#26101).
      CMSAuthEnvelopedData enveloped =
          generator.generate(new CMSProcessableByteArray(signedData), encryptor);
      return enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER);
    } catch (CMSException
        | IOException
        | java.security.cert.CertificateEncodingException
        | PkiException
        | IllegalArgumentException
        | ClassCastException e) {
      throw new PayloadProtectionException(
          Reason.SEAL_FAILED, "cannot encrypt for " + recipient.getSubjectX500Principal(), e);
    }
  }

  private static byte[] decrypt(byte[] cms, AgencyCredentials recipient) {
    CMSAuthEnvelopedData enveloped;
    try {
      enveloped = new CMSAuthEnvelopedData(cms);
    } catch (CMSException
        | RuntimeException e) { // BC reports bad ASN.1 with runtime exceptions too
      throw new PayloadProtectionException(
          Reason.MALFORMED, "not a CMS AuthEnvelopedData structure", e);
    }
    RecipientInformation mine =
        enveloped
            .getRecipientInfos()
            .get(new JceKeyAgreeRecipientId(recipient.encryptionCertificate()));
    if (mine == null) {
      throw new PayloadProtectionException(
          Reason.DECRYPTION_FAILED,
          "not encrypted for the encryption certificate of " + recipient.agencyCode());
    }
    try {
      return mine.getContent(
          new JceKeyAgreeAuthEnvelopedRecipient(recipient.encryptionKey())
              .setProvider(CryptoProviders.provider()));
    } catch (CMSException | RuntimeException e) { // wrong key, altered ciphertext or tag
      throw new PayloadProtectionException(
          Reason.DECRYPTION_FAILED,
          "cannot decrypt for " + recipient.agencyCode() + " (wrong key or altered ciphertext)",
          e);
    }
  }
}
