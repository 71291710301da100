package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hub server} refuses a bad replica policy file before it starts anything. */
class ServerCommandTest {
  private final HubCli hub = new HubCli();

  @Test
  void aPolicyFileWithAnUnknownPolicyIsRefusedWithExitTwoNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policies.json");
    Files.writeString(file, """
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
}
