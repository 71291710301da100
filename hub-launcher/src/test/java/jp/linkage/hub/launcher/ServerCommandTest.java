package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub server} refuses a bad replica policy file or bulk setting before it starts anything.
 */
class ServerCommandTest {
  private final HubCli hub = new HubCli();

  @Test
  void aPolicyFileWithAnUnknownPolicyIsRefusedWithExitTwoNamingTheFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("policies.json");
    Files.writeString(
        file,
        """
        {"defaults": {"window": {"kind": "SAME_DAY"}, "whilePending": "IGNORE"}, "items": {}}
        """);
    assertEquals(2, hub.run("server", "--replica-policies", file.toString()));
    assertTrue(hub.err().contains(file.toString()) && hub.err().contains("IGNORE"), hub.err());
  }

  @Test
  void aMissingPolicyFileIsRefusedToo(@TempDir Path dir) {
    assertEquals(2, hub.run("server", "--replica-policies", dir.resolve("nope.json").toString()));
    assertTrue(hub.err().contains("nope.json"), hub.err());
  }

  @Test
  void aBulkWindowBelowOneOrANonPositiveTimeoutIsRefused() {
    assertEquals(2, hub.run("server", "--bulk-window", "0"));
    assertTrue(hub.err().contains("window must be at least 1"), hub.err());
    HubCli again = new HubCli();
    assertEquals(2, again.run("server", "--bulk-timeout", "PT0S"));
    assertTrue(again.err().contains("timeout must be positive"), again.err());
    HubCli third = new HubCli();
    assertEquals(2, third.run("server", "--query-timeout", "-PT1S"));
    assertTrue(third.err().contains("the query timeout must be positive, was PT-1S"), third.err());
  }
}
