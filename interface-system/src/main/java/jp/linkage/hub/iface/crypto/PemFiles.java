package jp.linkage.hub.iface.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Reads and writes the development PKI as PEM files that {@code openssl} understands (certificates
 * as {@code CERTIFICATE}, private keys as unencrypted PKCS#8 {@code PRIVATE KEY}).
 *
 * <p>Layout of a PKI directory: {@code root-cert.pem}, {@code root-key.pem}, and per agency {@code
 * <agency>.sign-cert.pem}, {@code <agency>.sign-key.pem}, {@code <agency>.enc-cert.pem}, {@code
 * <agency>.enc-key.pem}. Files are written to a temporary name and moved into place, so a process
 * loading the directory never reads half a file.
 */
public final class PemFiles {
  public static final String ROOT_CERTIFICATE = "root-cert.pem";
  public static final String ROOT_KEY = "root-key.pem";
  static final String SIGNING_CERT_SUFFIX = ".sign-cert.pem";

  private PemFiles() {}

  public static Path signingCertificateFile(Path dir, String agency) {
    return dir.resolve(AgencyCertificates.checkAgencyCode(agency) + SIGNING_CERT_SUFFIX);
  }

  public static Path signingKeyFile(Path dir, String agency) {
    return dir.resolve(AgencyCertificates.checkAgencyCode(agency) + ".sign-key.pem");
  }

  public static Path encryptionCertificateFile(Path dir, String agency) {
    return dir.resolve(AgencyCertificates.checkAgencyCode(agency) + ".enc-cert.pem");
  }

  public static Path encryptionKeyFile(Path dir, String agency) {
    return dir.resolve(AgencyCertificates.checkAgencyCode(agency) + ".enc-key.pem");
  }

  /** Writes an agency's keys and certificates into {@code dir}. */
  public static void writeCredentials(Path dir, AgencyCredentials credentials) {
    String agency = credentials.agencyCode();
    writePrivateKey(signingKeyFile(dir, agency), credentials.signingKey());
    writePrivateKey(encryptionKeyFile(dir, agency), credentials.encryptionKey());
    writeCertificates(dir, credentials.certificates());
  }

  /** Writes only an agency's certificates into {@code dir} (what other agencies may see). */
  public static void writeCertificates(Path dir, AgencyCertificates certificates) {
    String agency = certificates.agencyCode();
    writeCertificate(signingCertificateFile(dir, agency), certificates.signingCertificate());
    writeCertificate(encryptionCertificateFile(dir, agency), certificates.encryptionCertificate());
  }

  public static AgencyCredentials readCredentials(Path dir, String agency) {
    AgencyCertificates certs = readCertificates(dir, agency);
    return new AgencyCredentials(
        agency,
        readPrivateKey(signingKeyFile(dir, agency)),
        certs.signingCertificate(),
        readPrivateKey(encryptionKeyFile(dir, agency)),
        certs.encryptionCertificate());
  }

  public static AgencyCertificates readCertificates(Path dir, String agency) {
    return new AgencyCertificates(
        agency,
        readCertificate(signingCertificateFile(dir, agency)),
        readCertificate(encryptionCertificateFile(dir, agency)));
  }

  public static void writeCertificate(Path file, X509Certificate certificate) {
    writePem(file, certificate, false);
  }

  /** Writes PKCS#8, readable by the owner only where the file system has POSIX permissions. */
  public static void writePrivateKey(Path file, PrivateKey key) {
    try {
      writePem(file, new JcaPKCS8Generator(key, null), true);
    } catch (IOException e) {
      throw new PkiException("cannot encode private key for " + file, e);
    }
  }

  public static X509Certificate readCertificate(Path file) {
    Object pem = readPem(file);
    if (!(pem instanceof X509CertificateHolder holder)) {
      throw new PkiException(file + " holds no certificate");
    }
    try {
      return new JcaX509CertificateConverter()
          .setProvider(CryptoProviders.provider())
          .getCertificate(holder);
    } catch (CertificateException e) {
      throw new PkiException("cannot decode the certificate in " + file, e);
    }
  }

  /** Reads a PKCS#8 {@code PRIVATE KEY} or a traditional {@code EC PRIVATE KEY}. */
  public static PrivateKey readPrivateKey(Path file) {
    Object pem = readPem(file);
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProviders.provider());
    try {
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (pem instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
    } catch (IOException e) {
      throw new PkiException("cannot decode the private key in " + file, e);
    }
    throw new PkiException(file + " holds no unencrypted private key");
  }

  private static Object readPem(Path file) {
    CryptoProviders.ensureRegistered();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      if (pem == null) {
        throw new PkiException(file + " holds no PEM object");
      }
      return pem;
    } catch (IOException e) {
      throw new PkiException("cannot read PEM file " + file, e);
    }
  }

  private static void writePem(Path file, Object object, boolean ownerOnly) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        writer.writeObject(object);
      }
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".tmp-", ".pem"); // owner-only on POSIX file systems
      if (!ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.writeString(tmp, text.toString(), StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new PkiException("cannot write PEM file " + file, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: a stray temp file does not harm the PKI directory
      }
    }
  }
}
