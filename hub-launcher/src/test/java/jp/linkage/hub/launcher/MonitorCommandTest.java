package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code hub monitor} and {@code hub demo --serve} refuse bad monitoring options before opening
 * anything.
 */
class MonitorCommandTest {
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/none";
  private final HubCli hub = new HubCli();

  @Test
  void officeHoursMustBeTwoHours() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--office-hours", "nine-to-five"));
    assertTrue(
        hub.err()
            .contains(
                "--office-hours must look like 7-22 (first hour, end hour), was \"nine-to-five\""),
        hub.err());
  }

  @Test
  void officeHoursMustStartBeforeTheyEnd() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--office-hours", "22-7"));
    assertTrue(
        hub.err()
            .contains(
                "invalid monitoring rules: office hours must satisfy 0 <= firstHour < endHour <= 24,"
                    + " were 22–7"),
        hub.err());
  }

  @Test
  void aRepeatedPersonThresholdBelowTwoIsRefused() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--repeated-person", "1"));
    assertTrue(hub.err().contains("repeatedPersonThreshold must be at least 2, was 1"), hub.err());
  }

  @Test
  void theDemoChecksItsMonitoringOptionsBeforeStarting() {
    assertEquals(2, hub.run("demo", "--serve", "--office-hours", "25"));
    assertTrue(hub.err().contains("--office-hours must look like 7-22"), hub.err());
  }

  @Test
  void openPagesOnANonLoopbackAddressAreRefused() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--monitor-bind", "0.0.0.0"));
    assertTrue(
        hub.err()
            .contains(
                "the monitoring pages would have no login on 0.0.0.0: give --monitor-users,"
                    + " or bind them to a loopback address"),
        hub.err());
  }

  @Test
  void aUsersFileThatIsNotBcryptIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("htpasswd");
    java.nio.file.Files.writeString(file, "auditor:plaintext\n");
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--monitor-users", file.toString()));
    assertTrue(
        hub.err()
            .contains("--monitor-users: " + file + " line 1: only bcrypt entries are accepted"),
        hub.err());
  }

  @Test
  void monitorUserPrintsABcryptLineForThePasswordOnStandardInput() throws Exception {
    assertEquals(0, monitorUser("a long enough password"));
    String line = hub.out().strip();
    assertTrue(line.matches("ppc-auditor:\\$2y\\$10\\$[./A-Za-z0-9]{53}"), line);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("htpasswd", "");
    java.nio.file.Files.writeString(file, line + "\n");
    assertTrue(
        jp.linkage.hub.audit.monitor.web.MonitorUsers.load(file, java.time.Clock.systemUTC())
            .check("ppc-auditor", "a long enough password"));
  }

  @Test
  void monitorUserRefusesAShortPassword() {
    assertEquals(2, monitorUser("short"));
    assertTrue(hub.err().contains("the password must be at least 12 characters"), hub.err());
  }

  @Test
  void helpNamesTheOptionsAndTheirDefaults() {
    assertEquals(0, hub.run("monitor", "--help"));
    for (String expected :
        new String[] {
          "--monitor-port",
          "default 8470",
          "--monitor-bind",
          "default 127.0.0.1",
          "--office-hours",
          "default 7-22",
          "--repeated-person",
          "default 5",
          "--jdbc-url"
        }) {
      assertTrue(hub.out().contains(expected), expected + " in " + hub.out());
    }
  }

  /** {@code hub monitor-user ppc-auditor} with {@code password} on standard input. */
  private int monitorUser(String password) {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              (password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return hub.run("monitor-user", "ppc-auditor");
    } finally {
      System.setIn(stdin);
    }
  }
}
