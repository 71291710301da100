package jp.linkage.hub.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import jp.linkage.hub.iface.crypto.PemFiles;
import jp.linkage.hub.iface.pki.CertificateRequestRejectedException;
import jp.linkage.hub.iface.pki.CertificateRole;
import jp.linkage.hub.iface.pki.CertificateUsage;
import jp.linkage.hub.iface.pki.HubPki;
import jp.linkage.hub.iface.pki.IssuedCertificate;
import jp.linkage.hub.iface.pki.PkiStateException;
import jp.linkage.hub.iface.pki.RevocationReason;
import jp.linkage.hub.iface.pki.SigningRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub pki}: the hub's certificate authority (認証局) on the command line: an offline root and
 * an issuing CA, certificates from PKCS#10 requests, revocation, the CRL, expiry warnings. Exit
 * codes: 0 done, 1 {@code list --expiring-within} found certificates, 2 a bad request or option
 * (the message names the field and the rule), 3 the PKI directory cannot do it.
 */
@Command(
    name = "pki",
    mixinStandardHelpOptions = true,
    description = "The hub's certificate authority: init, issue, revoke, crl, list.",
    subcommands = {
      PkiCommand.Init.class,
      PkiCommand.Issue.class,
      PkiCommand.Revoke.class,
      PkiCommand.Crl.class,
      PkiCommand.ListCertificates.class
    })
final class PkiCommand implements Runnable {
  static final int REFUSED = 2;
  static final int PKI_STATE = 3;
  private static final Logger log = LoggerFactory.getLogger(PkiCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: init, issue, revoke, crl or list");
  }

  /** The PKI directory option every subcommand shares. */
  static final class Directory {
    @Option(
        names = "--dir",
        required = true,
        paramLabel = "DIR",
        description = "The PKI directory (owner-only; holds the issuing CA's key).")
    Path dir;
  }

  private static int failed(CommandSpec spec, PkiStateException e) {
    spec.commandLine().getErr().println("hub pki: " + e.getMessage());
    return PKI_STATE;
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create a root CA and an issuing CA in --dir. The root's private key is written to"
            + " --root-key-out only: move it offline; issuing and revoking never need it."
      })
  static final class Init implements Callable<Integer> {
    @CommandLine.Mixin Directory directory;

    @Option(
        names = "--root-key-out",
        required = true,
        paramLabel = "FILE",
        description = "Where the root CA's private key goes (not inside --dir; never overwritten).")
    Path rootKeyOut;

    @Option(
        names = "--name",
        defaultValue = "Linkage Hub",
        description = "Name in the CAs' subjects (default ${DEFAULT-VALUE}).")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        HubPki pki = HubPki.init(directory.dir, rootKeyOut, name, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        out.println("root CA:    " + pki.root().getSubjectX500Principal().getName());
        out.println("issuing CA: " + pki.issuingCa().getSubjectX500Principal().getName());
        out.println("trust anchor: " + directory.dir.resolve(HubPki.ROOT_CERTIFICATE));
        out.println("root key written to " + rootKeyOut + ": move it offline now");
        return 0;
      } catch (PkiStateException e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = {
        "Issue a certificate from a PKCS#10 request (e.g. openssl req -new -newkey ec -pkeyopt"
            + " ec_paramgen_curve:P-256 -nodes -keyout party.key -out party.csr -subj /CN=party)."
            + " The subject is CN=<party>,O=<agency|hub>; the private key never leaves its owner."
      })
  static final class Issue implements Callable<Integer> {
    @CommandLine.Mixin Directory directory;

    @Option(
        names = "--csr",
        required = true,
        paramLabel = "FILE",
        description = "The request (PEM).")
    Path csr;

    @Option(
        names = "--party",
        required = true,
        description = "Agency code or component name; must be the request's CN.")
    String party;

    @Option(
        names = "--role",
        required = true,
        description = "agency or component.",
        converter = RoleConverter.class)
    CertificateRole role;

    @Option(
        names = "--usage",
        required = true,
        description = "tls-client, tls-server, signing or encryption.",
        converter = UsageConverter.class)
    CertificateUsage usage;

    @Option(
        names = "--san",
        split = ",",
        paramLabel = "IP|DNS",
        description = "Subject alternative names (required for tls-server).")
    List<String> san = List.of();

    @Option(
        names = "--days",
        defaultValue = "365",
        description = "Validity in days (default ${DEFAULT-VALUE}; never beyond the issuing CA).")
    int days;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Certificate (PEM).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      byte[] request;
      if (Files.size(csr) > SigningRequests.MAX_BYTES) {
        spec.commandLine()
            .getErr()
            .println("hub pki: csr TOO_LARGE: more than " + SigningRequests.MAX_BYTES + " bytes");
        return REFUSED;
      }
      request = Files.readAllBytes(csr);
      try {
        HubPki pki = HubPki.open(directory.dir, Clock.systemUTC());
        X509Certificate certificate =
            pki.issue(request, party, role, usage, san, Duration.ofDays(days));
        PemFiles.writeCertificate(out, certificate);
        spec.commandLine()
            .getOut()
            .println(
                "issued "
                    + certificate.getSerialNumber().toString(16)
                    + " "
                    + certificate.getSubjectX500Principal().getName()
                    + " "
                    + usage.cliName()
                    + " until "
                    + certificate.getNotAfter().toInstant()
                    + " -> "
                    + out);
        return 0;
      } catch (CertificateRequestRejectedException e) {
        spec.commandLine().getErr().println("hub pki: " + e.getMessage());
        return REFUSED;
      } catch (PkiStateException e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a certificate by serial (hex) and publish the CRL at once.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.Mixin Directory directory;

    @Option(names = "--serial", required = true, description = "Serial number in hex.")
    String serial;

    @Option(
        names = "--reason",
        defaultValue = "unspecified",
        converter = ReasonConverter.class,
        description =
            "unspecified, key-compromise, affiliation-changed, superseded or"
                + " cessation-of-operation (default ${DEFAULT-VALUE}).")
    RevocationReason reason;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        HubPki pki = HubPki.open(directory.dir, Clock.systemUTC());
        IssuedCertificate c = pki.revoke(serial, reason);
        spec.commandLine()
            .getOut()
            .println(
                "revoked "
                    + c.serial()
                    + " ("
                    + c.party()
                    + ", "
                    + c.reason().cliName()
                    + ") at "
                    + c.revokedAt()
                    + "; CRL: "
                    + directory.dir.resolve(HubPki.CRL));
        return 0;
      } catch (PkiStateException e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "crl",
      mixinStandardHelpOptions = true,
      description = {
        "Publish a fresh CRL (next update one day later) and print where it is.",
        "Check it with: openssl crl -in DIR/crl.pem -CAfile DIR/chain.pem -noout -verify"
      })
  static final class Crl implements Callable<Integer> {
    @CommandLine.Mixin Directory directory;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        var crl = HubPki.open(directory.dir, Clock.systemUTC()).publishCrl();
        spec.commandLine()
            .getOut()
            .println(
                directory.dir.resolve(HubPki.CRL)
                    + ": "
                    + (crl.getRevokedCertificates() == null
                        ? 0
                        : crl.getRevokedCertificates().size())
                    + " revoked, next update "
                    + crl.getNextUpdate().toInstant());
        return 0;
      } catch (PkiStateException e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the certificates issued: serial, party, role, usage, not after, status.",
        "With --expiring-within DAYS only those that expire within DAYS (or have expired and are not"
            + " revoked); each is also logged as a warning and the exit code is 1 if any."
      })
  static final class ListCertificates implements Callable<Integer> {
    @CommandLine.Mixin Directory directory;

    @Option(names = "--expiring-within", paramLabel = "DAYS", description = "Warn ahead of expiry.")
    Integer expiringWithin;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        HubPki pki = HubPki.open(directory.dir, Clock.systemUTC());
        List<IssuedCertificate> shown =
            expiringWithin == null ? pki.issued() : pki.expiring(Duration.ofDays(expiringWithin));
        PrintWriter out = spec.commandLine().getOut();
        for (IssuedCertificate c : shown) {
          out.println(
              c.serial()
                  + "\t"
                  + c.party()
                  + "\t"
                  + c.role().organisation()
                  + "\t"
                  + c.usage().cliName()
                  + "\t"
                  + c.notAfter()
                  + "\t"
                  + (c.revoked() ? "revoked " + c.reason().cliName() : "valid"));
          if (expiringWithin != null) {
            log.warn(
                "certificate {} of {} ({}) expires at {}",
                c.serial(),
                c.party(),
                c.usage().cliName(),
                c.notAfter());
          }
        }
        return expiringWithin != null && !shown.isEmpty() ? 1 : 0;
      } catch (PkiStateException e) {
        return failed(spec, e);
      }
    }
  }

  static final class RoleConverter implements CommandLine.ITypeConverter<CertificateRole> {
    @Override
    public CertificateRole convert(String value) {
      try {
        return CertificateRole.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class UsageConverter implements CommandLine.ITypeConverter<CertificateUsage> {
    @Override
    public CertificateUsage convert(String value) {
      try {
        return CertificateUsage.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ReasonConverter implements CommandLine.ITypeConverter<RevocationReason> {
    @Override
    public RevocationReason convert(String value) {
      try {
        return RevocationReason.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
