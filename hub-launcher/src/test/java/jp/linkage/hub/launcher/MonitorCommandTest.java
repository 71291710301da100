package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code hub monitor} and {@code hub demo --serve} refuse bad monitoring options before opening anything. */
class MonitorCommandTest {
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/none";
  private final HubCli hub = new HubCli();

  @Test
  void officeHoursMustBeTwoHours() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--office-hours", "nine-to-five"));
    assertTrue(hub.err().contains("--office-hours must look like 7-22 (first hour, end hour), was \"nine-to-five\""),
        hub.err());
  }

  @Test
  void officeHoursMustStartBeforeTheyEnd() {
    assertEquals(2, hub.run("monitor", "--jdbc-url", NOWHERE, "--office-hours", "22-7"));
    assertTrue(hub.err().contains("invalid monitoring rules: office hours must satisfy 0 <= firstHour < endHour <= 24,"
        + " were 22–7"), hub.err());
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
  void helpNamesTheOptionsAndTheirDefaults() {
    assertEquals(0, hub.run("monitor", "--help"));
    for (String expected : new String[] {"--monitor-port", "default 8470", "--monitor-bind", "default 127.0.0.1",
        "--office-hours", "default 7-22", "--repeated-person", "default 5", "--jdbc-url"}) {
      assertTrue(hub.out().contains(expected), expected + " in " + hub.out());
    }
  }
}
