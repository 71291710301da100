package jp.linkage.hub.iface.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes P-256 key pairs and X.509 v3 certificates for the development PKI; stateless. */
final class CertificateMaker {
  /** Organisation (O) of every subject, so a dev certificate is never mistaken for a real one. */
  static final String ORGANISATION = "Linkage Hub Development PKI";

  /** Tolerates clock skew between the processes that share one dev PKI. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private CertificateMaker() {}

  static KeyPair newP256KeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProviders.provider());
      generator.initialize(new ECGenParameterSpec("secp256r1"), CryptoProviders.secureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new PkiException("cannot generate an EC P-256 key pair", e);
    }
  }

  static X500Name subject(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "JP")
        .addRDN(BCStyle.O, ORGANISATION)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  /** A self-signed CA certificate: basicConstraints CA (critical), keyCertSign and cRLSign. */
  static X509Certificate selfSignedCa(X500Name name, KeyPair keys, Duration validity) {
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(name, name, keys.getPublic(), validity)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new PkiException("cannot make the root CA certificate " + name, e);
    }
  }

  /** An end-entity certificate issued by {@code issuer}, with the given (critical) key usage. */
  static X509Certificate endEntity(
      X500Name subject,
      PublicKey subjectKey,
      int keyUsage,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Duration validity) {
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder =
          builder(issuerName, subject, subjectKey, validity)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(issuer.getPublicKey()));
      return sign(builder, issuerKey);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new PkiException("cannot issue a certificate for " + subject, e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
    Instant now = Instant.now();
    // Random, positive, at most 20 octets (RFC 5280 4.1.2.2); bit 158 set so it is never zero.
    BigInteger serial = new BigInteger(159, CryptoProviders.secureRandom()).setBit(158);
    return new JcaX509v3CertificateBuilder(
        issuer,
        serial,
        Date.from(now.minus(BACKDATE)),
        Date.from(now.plus(validity)),
        subject,
        key);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      var signer =
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
              .setProvider(CryptoProviders.provider())
              .build(key);
      return new JcaX509CertificateConverter()
          .setProvider(CryptoProviders.provider())
          .getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new PkiException("cannot create a " + SIGNATURE_ALGORITHM + " signer", e);
    }
  }
}
