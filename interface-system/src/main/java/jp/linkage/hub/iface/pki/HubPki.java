package jp.linkage.hub.iface.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.iface.crypto.CryptoProviders;
import jp.linkage.hub.iface.crypto.PemFiles;
import jp.linkage.hub.iface.crypto.PkiException;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The hub's certificate authority kept in a directory (see {@link #init}): an issuing CA under an
 * offline root, certificates issued from PKCS#10 requests, revocations and the CRL. Operations that
 * change the directory hold an exclusive file lock, so two {@code hub pki} commands cannot
 * interleave.
 *
 * <p>Layout: {@code root.pem} (the trust anchor), {@code issuing.pem} and {@code issuing.key} (the
 * issuing CA; the key owner-only), {@code chain.pem} (issuing then root, what TLS peers and {@code
 * openssl verify} need), {@code issued/<serial>.pem}, {@code index.json} and {@code crl.pem}. The
 * root's private key is never in the directory: {@link #init} writes it where the operator says, to
 * be taken offline.
 */
public final class HubPki {
  public static final String ROOT_CERTIFICATE = "root.pem";
  public static final String ISSUING_CERTIFICATE = "issuing.pem";
  public static final String ISSUING_KEY = "issuing.key";
  public static final String CHAIN = "chain.pem";
  public static final String CRL = "crl.pem";
  public static final String INDEX = "index.json";
  public static final String ISSUED = "issued";

  public static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
  public static final Duration ISSUING_VALIDITY = Duration.ofDays(5 * 365);

  /** Default lifetime of an end-entity certificate. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  /** A CRL is published again at least this often; relying parties treat an older one as stale. */
  public static final Duration CRL_VALIDITY = Duration.ofDays(1);

  /** Tolerates clock skew between the parties. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final Clock clock;

  private HubPki(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The index file's content. */
  record Index(long crlNumber, List<IssuedCertificate> certificates) {}

  /**
   * Creates a root CA and an issuing CA in the empty or missing directory {@code dir}. The root's
   * private key goes to {@code rootKeyOut} only (owner-only), to be kept offline: the hub never
   * needs it to issue or revoke.
   */
  public static HubPki init(Path dir, Path rootKeyOut, String name, Clock clock)
      throws PkiStateException {
    try {
      if (Files.exists(dir.resolve(ROOT_CERTIFICATE))) {
        throw new PkiStateException(dir + " already holds a PKI (" + ROOT_CERTIFICATE + ")");
      }
      if (rootKeyOut.toAbsolutePath().startsWith(dir.toAbsolutePath())) {
        throw new PkiStateException(
            "the root key must not be kept in the PKI directory: choose --root-key-out elsewhere");
      }
      if (Files.exists(rootKeyOut)) {
        throw new PkiStateException(rootKeyOut + " exists: will not overwrite a key");
      }
      ownerOnlyDirectory(dir);
      ownerOnlyDirectory(dir.resolve(ISSUED));
      HubPki pki = new HubPki(dir, clock);
      try (FileLock lock = pki.lock()) {
        Instant now = clock.instant();
        KeyPair root = newKeyPair();
        X500Name rootName = caName(name + " Root CA");
        X509Certificate rootCert =
            pki.sign(
                new JcaX509v3CertificateBuilder(
                        rootName,
                        serial(),
                        Date.from(now.minus(BACKDATE)),
                        Date.from(now.plus(ROOT_VALIDITY)),
                        rootName,
                        root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                        Extension.subjectKeyIdentifier,
                        false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(root.getPublic())),
                root.getPrivate());
        KeyPair issuing = newKeyPair();
        X509Certificate issuingCert =
            pki.sign(
                new JcaX509v3CertificateBuilder(
                        rootName,
                        serial(),
                        Date.from(now.minus(BACKDATE)),
                        Date.from(now.plus(ISSUING_VALIDITY)),
                        caName(name + " Issuing CA"),
                        issuing.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                        Extension.subjectKeyIdentifier,
                        false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(issuing.getPublic()))
                    .addExtension(
                        Extension.authorityKeyIdentifier,
                        false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(rootCert)),
                root.getPrivate());
        PemFiles.writePrivateKey(rootKeyOut, root.getPrivate());
        PemFiles.writeCertificate(dir.resolve(ROOT_CERTIFICATE), rootCert);
        PemFiles.writeCertificate(dir.resolve(ISSUING_CERTIFICATE), issuingCert);
        PemFiles.writePrivateKey(dir.resolve(ISSUING_KEY), issuing.getPrivate());
        pki.write(dir.resolve(CHAIN), pem(issuingCert) + pem(rootCert));
        pki.writeIndex(pki.publishCrl(new Index(0, List.of()), issuingCert, issuing.getPrivate()));
      }
      return pki;
    } catch (IOException | GeneralSecurityException | PkiException e) {
      throw new PkiStateException("cannot create the PKI in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Opens the PKI that {@link #init} made in {@code dir}. */
  public static HubPki open(Path dir, Clock clock) throws PkiStateException {
    if (!Files.isRegularFile(dir.resolve(ISSUING_KEY))
        || !Files.isRegularFile(dir.resolve(INDEX))) {
      throw new PkiStateException(
          dir + " holds no PKI with an issuing CA: run 'hub pki init --dir " + dir + "' first");
    }
    return new HubPki(dir, clock);
  }

  public Path directory() {
    return dir;
  }

  /** The trust anchor. */
  public X509Certificate root() throws PkiStateException {
    return readCertificate(ROOT_CERTIFICATE);
  }

  /** The CA that issues and revokes. */
  public X509Certificate issuingCa() throws PkiStateException {
    return readCertificate(ISSUING_CERTIFICATE);
  }

  /**
   * Issues a certificate for {@code party} from its signing request {@code csrPem}: subject {@code
   * CN=<party>,O=<agency|hub>}, the extensions of {@code usage}, the given subject alternative
   * names (IP addresses or DNS names; required for {@link CertificateUsage#TLS_SERVER}). The
   * request's key is certified; the private key stays with its owner.
   */
  public X509Certificate issue(
      byte[] csrPem,
      String party,
      CertificateRole role,
      CertificateUsage usage,
      List<String> subjectAlternativeNames,
      Duration validity)
      throws CertificateRequestRejectedException, PkiStateException {
    SigningRequests.CheckedRequest request = SigningRequests.check(csrPem, party);
    return issue(request.publicKey(), party, role, usage, subjectAlternativeNames, validity);
  }

  /**
   * As {@link #issue(byte[], String, CertificateRole, CertificateUsage, List, Duration)} for a key
   * whose owner is this process (development credentials made in one place).
   */
  public X509Certificate issue(
      PublicKey key,
      String party,
      CertificateRole role,
      CertificateUsage usage,
      List<String> subjectAlternativeNames,
      Duration validity)
      throws CertificateRequestRejectedException, PkiStateException {
    SigningRequests.checkParty(party);
    if (usage == CertificateUsage.TLS_SERVER && subjectAlternativeNames.isEmpty()) {
      throw new CertificateRequestRejectedException(
          "san", "REQUIRED", "a TLS server certificate needs at least one IP or DNS name");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new CertificateRequestRejectedException("days", "NOT_POSITIVE", validity.toString());
    }
    GeneralNames names = generalNames(subjectAlternativeNames);
    try (FileLock lock = lock()) {
      X509Certificate ca = issuingCa();
      Duration capped = validity;
      Instant now = clock.instant();
      Instant caEnd = ca.getNotAfter().toInstant();
      if (now.plus(capped).isAfter(caEnd)) {
        capped = Duration.between(now, caEnd); // never outlive the issuer
      }
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.O, role.organisation())
              .addRDN(BCStyle.CN, party)
              .build();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(capped)),
                  subject,
                  key)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key))
              .addExtension(
                  Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
      switch (usage) {
        case TLS_CLIENT ->
            builder
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        case TLS_SERVER ->
            builder
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(
                        new KeyPurposeId[] {
                          KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                        }));
        case SIGNING ->
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        case ENCRYPTION ->
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement));
      }
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
      X509Certificate certificate = sign(builder, readKey());
      String serial = certificate.getSerialNumber().toString(16);
      PemFiles.writeCertificate(dir.resolve(ISSUED).resolve(serial + ".pem"), certificate);
      Index index = readIndex();
      List<IssuedCertificate> all = new ArrayList<>(index.certificates());
      all.add(
          new IssuedCertificate(
              serial,
              party,
              role,
              usage,
              certificate.getNotBefore().toInstant(),
              certificate.getNotAfter().toInstant(),
              null,
              null));
      writeIndex(new Index(index.crlNumber(), all));
      return certificate;
    } catch (IOException | GeneralSecurityException | PkiException e) {
      throw new PkiStateException("cannot issue a certificate for " + party + ": " + e, e);
    }
  }

  /**
   * Revokes the certificate with {@code serial} (hex) and publishes a new CRL at once. Revoking a
   * revoked certificate changes nothing and says so by returning the earlier entry.
   */
  public IssuedCertificate revoke(String serial, RevocationReason reason) throws PkiStateException {
    String key = normaliseSerial(serial);
    try (FileLock lock = lock()) {
      Index index = readIndex();
      List<IssuedCertificate> all = new ArrayList<>();
      IssuedCertificate found = null;
      for (IssuedCertificate c : index.certificates()) {
        if (c.serial().equals(key)) {
          found = c.revoked() ? c : c.revoke(clock.instant(), reason);
          all.add(found);
        } else {
          all.add(c);
        }
      }
      if (found == null) {
        throw new PkiStateException("no certificate with serial " + key + " was issued here");
      }
      Index updated = new Index(index.crlNumber(), all);
      writeIndex(publishCrl(updated, issuingCa(), readKey()));
      return found;
    } catch (IOException | GeneralSecurityException | PkiException e) {
      throw new PkiStateException("cannot revoke " + key + ": " + e, e);
    }
  }

  /** Signs and writes a fresh CRL (new number, next update {@link #CRL_VALIDITY} ahead). */
  public X509CRL publishCrl() throws PkiStateException {
    try (FileLock lock = lock()) {
      writeIndex(publishCrl(readIndex(), issuingCa(), readKey()));
      return crl();
    } catch (IOException | GeneralSecurityException | PkiException e) {
      throw new PkiStateException("cannot publish the CRL: " + e, e);
    }
  }

  /** The CRL as last published. */
  public X509CRL crl() throws PkiStateException {
    Path file = dir.resolve(CRL);
    try (org.bouncycastle.openssl.PEMParser parser =
        new org.bouncycastle.openssl.PEMParser(
            Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
      if (!(parser.readObject() instanceof X509CRLHolder holder)) {
        throw new PkiStateException(file + " holds no CRL");
      }
      return new JcaX509CRLConverter().setProvider(CryptoProviders.provider()).getCRL(holder);
    } catch (IOException | java.security.cert.CRLException e) {
      throw new PkiStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every certificate issued here, oldest first. */
  public List<IssuedCertificate> issued() throws PkiStateException {
    return readIndex().certificates();
  }

  /** The entry of {@code serial} (hex), if issued here. */
  public Optional<IssuedCertificate> find(String serial) throws PkiStateException {
    String key = normaliseSerial(serial);
    return issued().stream().filter(c -> c.serial().equals(key)).findFirst();
  }

  /**
   * Unrevoked certificates that expire within {@code horizon} from now (or have expired), soonest
   * first.
   */
  public List<IssuedCertificate> expiring(Duration horizon) throws PkiStateException {
    Instant limit = clock.instant().plus(horizon);
    return issued().stream()
        .filter(c -> !c.revoked() && c.notAfter().isBefore(limit))
        .sorted(Comparator.comparing(IssuedCertificate::notAfter))
        .toList();
  }

  private Index publishCrl(Index index, X509Certificate ca, PrivateKey caKey)
      throws IOException, GeneralSecurityException {
    Instant now = clock.instant();
    long number = index.crlNumber() + 1;
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
    builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
    for (IssuedCertificate c : index.certificates()) {
      if (c.revoked()) {
        builder.addCRLEntry(
            new BigInteger(c.serial(), 16), Date.from(c.revokedAt()), c.reason().code());
      }
    }
    X509CRLHolder holder = builder.build(signer(caKey));
    X509CRL crl = new JcaX509CRLConverter().setProvider(CryptoProviders.provider()).getCRL(holder);
    write(dir.resolve(CRL), pem(crl));
    return new Index(number, index.certificates());
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .setProvider(CryptoProviders.provider())
        .getCertificate(builder.build(signer(key)));
  }

  private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
          .setProvider(CryptoProviders.provider())
          .build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with the CA key", e);
    }
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProviders.provider());
    generator.initialize(new ECGenParameterSpec("secp256r1"), CryptoProviders.secureRandom());
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    // random, positive, at most 20 octets (RFC 5280 4.1.2.2); bit 158 set so it is never short
    return new BigInteger(159, CryptoProviders.secureRandom()).setBit(158);
  }

  private static X500Name caName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "hub")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static GeneralNames generalNames(List<String> names)
      throws CertificateRequestRejectedException {
    if (names.isEmpty()) {
      return null;
    }
    List<GeneralName> all = new ArrayList<>();
    for (String name : names) {
      if (name.matches("[0-9.]+") || name.contains(":")) {
        try {
          all.add(new GeneralName(GeneralName.iPAddress, name));
        } catch (IllegalArgumentException e) {
          throw new CertificateRequestRejectedException("san", "BAD_IP", name);
        }
      } else if (name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
        all.add(new GeneralName(GeneralName.dNSName, name));
      } else {
        throw new CertificateRequestRejectedException(
            "san", "NOT_IP_OR_DNS", "'" + name + "' is neither an IP address nor a DNS name");
      }
    }
    return GeneralNames.getInstance(new DERSequence(all.toArray(GeneralName[]::new)));
  }

  private static String normaliseSerial(String serial) throws PkiStateException {
    String s = serial.trim().toLowerCase(java.util.Locale.ROOT).replace(":", "");
    if (s.startsWith("0x")) {
      s = s.substring(2);
    }
    if (!s.matches("[0-9a-f]{1,40}")) {
      throw new PkiStateException("'" + serial + "' is not a serial number in hex");
    }
    return new BigInteger(s, 16).toString(16);
  }

  private X509Certificate readCertificate(String file) throws PkiStateException {
    try {
      return PemFiles.readCertificate(dir.resolve(file));
    } catch (PkiException e) {
      throw new PkiStateException("cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
    }
  }

  private PrivateKey readKey() throws PkiStateException {
    try {
      return PemFiles.readPrivateKey(dir.resolve(ISSUING_KEY));
    } catch (PkiException e) {
      throw new PkiStateException(
          "cannot read the issuing CA's key " + dir.resolve(ISSUING_KEY) + ": " + e.getMessage(),
          e);
    }
  }

  private Index readIndex() throws PkiStateException {
    try {
      return JSON.readValue(dir.resolve(INDEX).toFile(), Index.class);
    } catch (IOException e) {
      throw new PkiStateException("cannot read " + dir.resolve(INDEX) + ": " + e.getMessage(), e);
    }
  }

  private void writeIndex(Index index) throws IOException {
    write(dir.resolve(INDEX), JSON.writeValueAsString(index) + "\n");
  }

  private FileLock lock() throws IOException {
    FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.lock();
      return new ClosingLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(dir, ".tmp-", ".part"); // owner-only on POSIX
    try {
      if (!file.getFileName().toString().endsWith(".key")) {
        setPermissions(tmp, "rw-r--r--");
      }
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static void ownerOnlyDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    setPermissions(dir, "rwx------");
  }

  private static void setPermissions(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }

  /** A file lock that also closes its channel. */
  private static final class ClosingLock extends FileLock {
    private final FileLock lock;

    ClosingLock(FileChannel channel, FileLock lock) {
      super(channel, lock.position(), lock.size(), lock.isShared());
      this.lock = lock;
    }

    @Override
    public boolean isValid() {
      return lock.isValid();
    }

    @Override
    public void release() throws IOException {
      try {
        lock.release();
      } finally {
        channel().close();
      }
    }
  }
}
