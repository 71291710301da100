package jp.linkage.hub.iface.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Development certificate authority (開発用認証局): an EC P-256 root made at start-up that issues each
 * agency a signing certificate and an encryption (key-agreement) certificate.
 *
 * <p>Stands in for the LGPKI-style PKI of the real network. It is for development and tests only:
 * {@link #writeTo(Path)} stores the root private key unencrypted so that several processes ({@link
 * #load(Path)}) can share one dev PKI. Thread-safe.
 */
public final class DevCertificateAuthority {
  /** Lifetime of the root certificate. */
  public static final Duration ROOT_VALIDITY = Duration.ofDays(10 * 365);

  /** Lifetime of an agency certificate. */
  public static final Duration AGENCY_VALIDITY = Duration.ofDays(2 * 365);

  private static final String ROOT_COMMON_NAME = "Linkage Hub Dev Root CA";

  private final PrivateKey rootKey;
  private final X509Certificate rootCertificate;

  private DevCertificateAuthority(PrivateKey rootKey, X509Certificate rootCertificate) {
    this.rootKey = Objects.requireNonNull(rootKey, "rootKey");
    this.rootCertificate = Objects.requireNonNull(rootCertificate, "rootCertificate");
  }

  /** Makes a new root key pair and self-signed root certificate, in memory only. */
  public static DevCertificateAuthority create() {
    return create(ROOT_COMMON_NAME);
  }

  /** As {@link #create()} with another root CN (tests use it to make a second, untrusted CA). */
  public static DevCertificateAuthority create(String rootCommonName) {
    KeyPair keys = CertificateMaker.newP256KeyPair();
    X509Certificate root =
        CertificateMaker.selfSignedCa(
            CertificateMaker.subject(rootCommonName), keys, ROOT_VALIDITY);
    return new DevCertificateAuthority(keys.getPrivate(), root);
  }

  /** Loads a CA written by {@link #writeTo(Path)}. */
  public static DevCertificateAuthority load(Path directory) {
    return new DevCertificateAuthority(
        PemFiles.readPrivateKey(directory.resolve(PemFiles.ROOT_KEY)),
        PemFiles.readCertificate(directory.resolve(PemFiles.ROOT_CERTIFICATE)));
  }

  /**
   * Loads the CA in {@code directory}, or creates and writes one if there is none. Let one process
   * (the launcher) call this first: two processes creating at the same moment would make two roots.
   */
  public static DevCertificateAuthority loadOrCreate(Path directory) {
    if (Files.exists(directory.resolve(PemFiles.ROOT_CERTIFICATE))) {
      return load(directory);
    }
    DevCertificateAuthority ca = create();
    ca.writeTo(directory);
    return ca;
  }

  /** The trust anchor (トラストアンカー) every agency certificate chains to. */
  public X509Certificate rootCertificate() {
    return rootCertificate;
  }

  /**
   * Issues fresh credentials for an agency: two P-256 key pairs and certificates with subject
   * {@code CN=agencyCode, O=Linkage Hub Development PKI, C=JP}, random serials, 2 years' validity.
   * The signing certificate has keyUsage digitalSignature; the encryption one keyAgreement.
   */
  public AgencyCredentials issue(String agencyCode) {
    AgencyCertificates.checkAgencyCode(agencyCode);
    var subject = CertificateMaker.subject(agencyCode);
    KeyPair signing = CertificateMaker.newP256KeyPair();
    KeyPair encryption = CertificateMaker.newP256KeyPair();
    X509Certificate signingCert =
        CertificateMaker.endEntity(
            subject,
            signing.getPublic(),
            KeyUsage.digitalSignature,
            rootCertificate,
            rootKey,
            AGENCY_VALIDITY);
    X509Certificate encryptionCert =
        CertificateMaker.endEntity(
            subject,
            encryption.getPublic(),
            KeyUsage.keyAgreement,
            rootCertificate,
            rootKey,
            AGENCY_VALIDITY);
    return new AgencyCredentials(
        agencyCode, signing.getPrivate(), signingCert, encryption.getPrivate(), encryptionCert);
  }

  /** A directory holding just this CA's root as trust anchor; register agencies on it. */
  public CertificateDirectory newDirectory() {
    return new CertificateDirectory(rootCertificate);
  }

  /** Writes {@code root-cert.pem} and {@code root-key.pem} (owner-only) into {@code directory}. */
  public void writeTo(Path directory) {
    PemFiles.writePrivateKey(directory.resolve(PemFiles.ROOT_KEY), rootKey);
    PemFiles.writeCertificate(directory.resolve(PemFiles.ROOT_CERTIFICATE), rootCertificate);
  }
}
