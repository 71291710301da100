package jp.linkage.hub.audit.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import jp.linkage.hub.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorUsersTest {
  /**
   * Made with the system's crypt(3) (libxcrypt, an implementation independent of Bouncy Castle) for
   * 'correct horse battery staple' at cost 5, with the {@code $2y$} prefix {@code htpasswd -B}
   * writes.
   */
  private static final String CRYPT3_ENTRY =
      "auditor:$2y$05$hxYVun5Sg.yoPuM/Kv2Z1.6/c6VRb7mvIGm8MnGfKlR7W/i.Ckdmi";

  @TempDir Path dir;

  @Test
  void anEntryWeWriteIsCheckedAndAWrongPasswordOrUnknownNameIsNot() throws Exception {
    MonitorUsers users =
        MonitorUsers.load(
            file(
                "# PPC supervisors\n\n"
                    + MonitorUsers.entry(
                        "ppc-auditor", "correct horse battery staple".toCharArray())
                    + "\n"),
            Clock.systemUTC());
    assertTrue(users.check("ppc-auditor", "correct horse battery staple"));
    assertFalse(users.check("ppc-auditor", "correct horse battery stapl"));
    assertFalse(users.check("nobody", "correct horse battery staple"));
    assertFalse(users.check(null, null));
  }

  @Test
  void anEntryAnotherBcryptImplementationWroteIsAccepted() throws Exception {
    MonitorUsers users = MonitorUsers.load(file(CRYPT3_ENTRY + "\n"), Clock.systemUTC());
    assertTrue(users.check("auditor", "correct horse battery staple"));
    assertFalse(users.check("auditor", "Correct horse battery staple"));
  }

  @Test
  void aSuccessfulCheckIsRememberedForAWhileOnly() throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-11-24T00:00:00Z"));
    Path f = file(MonitorUsers.entry("a", "a long enough password".toCharArray()) + "\n");
    MonitorUsers users = MonitorUsers.load(f, clock);
    assertTrue(users.check("a", "a long enough password"));
    // the file changes under a running server: the remembered login holds for REMEMBER, then the
    // file wins
    Files.writeString(f, MonitorUsers.entry("a", "another password entirely".toCharArray()) + "\n");
    assertTrue(users.check("a", "a long enough password"));
    clock.advance(MonitorUsers.REMEMBER.plusSeconds(1));
    assertTrue(
        users.check("a", "a long enough password"), "the loaded hashes, not the file, decide");
  }

  @Test
  void aFileWithAnythingButBcryptEntriesIsRefusedNamingTheLine() throws Exception {
    assertEquals(
        file("x") + " line 2: only bcrypt entries are accepted (htpasswd -B)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    MonitorUsers.load(
                        file("# ok\nauditor:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n"),
                        Clock.systemUTC()))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> MonitorUsers.load(file("no colon here\n"), Clock.systemUTC()))
            .getMessage()
            .endsWith("line 1: expected name:hash"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    MonitorUsers.load(
                        file(CRYPT3_ENTRY + "\n" + CRYPT3_ENTRY + "\n"), Clock.systemUTC()))
            .getMessage()
            .endsWith("line 2: user auditor appears twice"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> MonitorUsers.load(file("# nobody\n"), Clock.systemUTC()))
            .getMessage()
            .endsWith("names no user"));
  }

  private Path file(String content) throws Exception {
    Path f = dir.resolve("htpasswd");
    Files.writeString(f, content);
    return f;
  }
}
