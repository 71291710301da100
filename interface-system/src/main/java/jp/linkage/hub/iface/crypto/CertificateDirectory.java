package jp.linkage.hub.iface.crypto;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * Public certificates of the agencies (証明書ディレクトリ) and the trust anchor they chain to.
 *
 * <p>A provider looks up the querier's encryption certificate here; a querier checks the signer of
 * a payload against the trust anchor here. Holds no private keys. Thread-safe; agencies may be
 * registered while others read.
 */
public final class CertificateDirectory {
  private final X509Certificate trustAnchor;
  private final Map<String, AgencyCertificates> byAgency = new ConcurrentHashMap<>();

  /**
   * Certificates whose path to the anchor already verified (validity dates are checked each time).
   * Handing back the same object lets BC reuse the point precomputation of its public key, which
   * makes each later signature check several times faster.
   */
  private final Map<X509CertificateHolder, X509Certificate> pathVerified =
      new ConcurrentHashMap<>();

  public CertificateDirectory(X509Certificate trustAnchor) {
    this.trustAnchor = Objects.requireNonNull(trustAnchor, "trustAnchor");
  }

  /**
   * Loads {@code root-cert.pem} and every agency's certificates from a {@link PemFiles} directory.
   */
  public static CertificateDirectory load(Path dir) {
    CertificateDirectory directory =
        new CertificateDirectory(PemFiles.readCertificate(dir.resolve(PemFiles.ROOT_CERTIFICATE)));
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(dir, "*" + PemFiles.SIGNING_CERT_SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String agency = name.substring(0, name.length() - PemFiles.SIGNING_CERT_SUFFIX.length());
        directory.register(PemFiles.readCertificates(dir, agency));
      }
    } catch (IOException e) {
      throw new PkiException("cannot list certificates in " + dir, e);
    }
    return directory;
  }

  /** The root certificate every agency certificate must chain to (トラストアンカー). */
  public X509Certificate trustAnchor() {
    return trustAnchor;
  }

  /** Adds or replaces an agency's certificates; both must chain to the trust anchor now. */
  public CertificateDirectory register(AgencyCertificates certificates) {
    Instant now = Instant.now();
    checkChainsToTrustAnchor(certificates.signingCertificate(), now);
    checkChainsToTrustAnchor(certificates.encryptionCertificate(), now);
    byAgency.put(certificates.agencyCode(), certificates);
    return this;
  }

  public Optional<AgencyCertificates> find(String agencyCode) {
    return Optional.ofNullable(byAgency.get(agencyCode));
  }

  /** The agency's certificates; {@link PkiException} if the agency is not registered. */
  public AgencyCertificates certificates(String agencyCode) {
    return find(agencyCode)
        .orElseThrow(() -> new PkiException("no certificates registered for agency " + agencyCode));
  }

  /** The certificate to encrypt payloads for {@code agencyCode} to. */
  public X509Certificate encryptionCertificate(String agencyCode) {
    return certificates(agencyCode).encryptionCertificate();
  }

  /** Registered agency codes, sorted. */
  public Set<String> agencies() {
    return new TreeSet<>(byAgency.keySet());
  }

  /**
   * Checks that {@code certificate} was issued under the trust anchor (PKIX path validation, no
   * revocation: the dev PKI publishes no CRL) and that both were valid at {@code at}.
   *
   * @throws PkiException saying what failed
   */
  public void checkChainsToTrustAnchor(X509Certificate certificate, Instant at) {
    try {
      trusted(new JcaX509CertificateHolder(certificate), certificate, at);
    } catch (CertificateEncodingException e) {
      throw new PkiException(
          "cannot encode certificate " + certificate.getSubjectX500Principal(), e);
    }
  }

  /** As {@link #checkChainsToTrustAnchor}, for a certificate as parsed from CMS; returns it. */
  X509Certificate trustedCertificate(X509CertificateHolder holder, Instant at) {
    return trusted(holder, null, at);
  }

  private X509Certificate trusted(
      X509CertificateHolder holder, X509Certificate candidate, Instant at) {
    X509Certificate certificate = pathVerified.get(holder);
    if (certificate == null) {
      certificate = candidate != null ? candidate : toCertificate(holder);
      validatePath(certificate, at);
      X509Certificate earlier = pathVerified.putIfAbsent(holder, certificate);
      certificate = earlier != null ? earlier : certificate;
    }
    Date when = Date.from(at);
    try {
      certificate.checkValidity(when);
      trustAnchor.checkValidity(when);
    } catch (GeneralSecurityException e) {
      throw new PkiException(
          "certificate "
              + certificate.getSubjectX500Principal()
              + " or the trust anchor was not valid at "
              + at,
          e);
    }
    return certificate;
  }

  private void validatePath(X509Certificate certificate, Instant at) {
    try {
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(trustAnchor, null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      CertificateFactory factory =
          CertificateFactory.getInstance("X.509", CryptoProviders.provider());
      CertPathValidator.getInstance("PKIX", CryptoProviders.provider())
          .validate(factory.generateCertPath(List.of(certificate)), params);
    } catch (GeneralSecurityException e) {
      throw new PkiException(
          "certificate "
              + certificate.getSubjectX500Principal()
              + " does not chain to trust anchor "
              + trustAnchor.getSubjectX500Principal()
              + " (or was not valid at "
              + at
              + ")",
          e);
    }
  }

  private static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter()
          .setProvider(CryptoProviders.provider())
          .getCertificate(holder);
    } catch (CertificateException e) {
      throw new PkiException("cannot decode certificate " + holder.getSubject(), e);
    }
  }
}
