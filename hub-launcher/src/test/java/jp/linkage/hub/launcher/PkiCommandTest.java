package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub pki} as an operator runs it, with the requests made and the results checked by
 * openssl.
 */
class PkiCommandTest {
  @TempDir Path work;
  private final HubCli hub = new HubCli();
  private Path dir;

  @BeforeEach
  void init() {
    Assumptions.assumeTrue(opensslOnPath(), "openssl is not on PATH");
    dir = work.resolve("pki");
    assertEquals(
        0,
        hub.run(
            "pki",
            "init",
            "--dir",
            dir.toString(),
            "--root-key-out",
            work.resolve("root.key").toString()),
        hub.err());
    assertTrue(hub.out().contains("move it offline"), hub.out());
    hub.clear();
  }

  @Test
  void issueRevokeAndTheCrlAsAnOperatorRunsThem() throws Exception {
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "nenkin.key",
        "-out",
        "nenkin.csr",
        "-subj",
        "/O=agency/CN=nenkin");
    assertEquals(
        0,
        hub.run(
            "pki",
            "issue",
            "--dir",
            dir.toString(),
            "--csr",
            work.resolve("nenkin.csr").toString(),
            "--party",
            "nenkin",
            "--role",
            "agency",
            "--usage",
            "tls-client",
            "--days",
            "30",
            "--out",
            work.resolve("nenkin.pem").toString()),
        hub.err());
    Matcher m =
        Pattern.compile("issued ([0-9a-f]+) CN=nenkin,O=agency tls-client").matcher(hub.out());
    assertTrue(m.find(), hub.out());
    String serial = m.group(1);
    assertEquals(
        0,
        openssl("verify", "-CAfile", dir.resolve("chain.pem").toString(), "nenkin.pem").exit,
        "verifies");

    hub.clear();
    assertEquals(1, hub.run("pki", "list", "--dir", dir.toString(), "--expiring-within", "31"));
    assertTrue(hub.out().startsWith(serial + "\tnenkin\tagency\ttls-client\t"), hub.out());
    hub.clear();
    assertEquals(0, hub.run("pki", "list", "--dir", dir.toString(), "--expiring-within", "7"));
    assertEquals("", hub.out());

    assertEquals(
        0,
        hub.run(
            "pki",
            "revoke",
            "--dir",
            dir.toString(),
            "--serial",
            serial,
            "--reason",
            "key-compromise"),
        hub.err());
    Run refused =
        openssl(
            "verify",
            "-crl_check",
            "-CRLfile",
            dir.resolve("crl.pem").toString(),
            "-CAfile",
            dir.resolve("chain.pem").toString(),
            "nenkin.pem");
    assertTrue(refused.exit != 0 && refused.output.contains("revoked"), refused.output);
    hub.clear();
    assertEquals(0, hub.run("pki", "crl", "--dir", dir.toString()), hub.err());
    assertTrue(hub.out().contains(": 1 revoked, next update"), hub.out());
    Run crl =
        openssl(
            "crl",
            "-in",
            dir.resolve("crl.pem").toString(),
            "-CAfile",
            dir.resolve("chain.pem").toString(),
            "-noout",
            "-verify");
    assertTrue(crl.output.contains("verify OK"), crl.output);
  }

  @Test
  void aBadRequestExitsTwoNamingFieldAndRule() throws Exception {
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "x.key",
        "-out",
        "x.csr",
        "-subj",
        "/CN=muni-131016");
    assertEquals(
        2,
        hub.run(
            "pki",
            "issue",
            "--dir",
            dir.toString(),
            "--csr",
            work.resolve("x.csr").toString(),
            "--party",
            "nenkin",
            "--role",
            "agency",
            "--usage",
            "signing",
            "--out",
            work.resolve("x.pem").toString()));
    assertTrue(hub.err().contains("csr.subject.CN NOT_THE_PARTY"), hub.err());
    assertTrue(Files.notExists(work.resolve("x.pem")));
    hub.clear();
    assertEquals(
        3, hub.run("pki", "revoke", "--dir", work.resolve("nowhere").toString(), "--serial", "ab"));
    assertTrue(hub.err().contains("run 'hub pki init"), hub.err());
  }

  private record Run(int exit, String output) {}

  private Run openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
    Run run =
        new Run(
            p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    if (args[0].equals("req")) {
      assertEquals(0, run.exit, run.output);
    }
    return run;
  }

  private static boolean opensslOnPath() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(d, "openssl").canExecute()) {
        return true;
      }
    }
    return false;
  }
}
