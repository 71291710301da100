package jp.linkage.hub.audit.monitor.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The supervisors allowed on the monitoring pages, from an htpasswd file with bcrypt entries (one
 * {@code name:$2y$...} per line, as {@code htpasswd -B} writes them; {@code #} starts a comment).
 * Checked with Bouncy Castle's OpenBSD bcrypt. A successful check is remembered for {@link
 * #REMEMBER} so that a page's several requests cost one bcrypt, not one each.
 */
public final class MonitorUsers {
  static final Duration REMEMBER = Duration.ofMinutes(5);

  /**
   * Checked against when the name is unknown, so an unknown name costs as long as a wrong password.
   */
  private static final String DUMMY =
      OpenBSDBCrypt.generate("2y", "x".toCharArray(), new byte[16], 10);

  private final Map<String, String> hashes;
  private final Clock clock;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  private MonitorUsers(Map<String, String> hashes, Clock clock) {
    this.hashes = Map.copyOf(hashes);
    this.clock = clock;
  }

  /**
   * @throws IllegalArgumentException naming the line when an entry is not {@code name:bcrypt}, or
   *     the file has no entry at all
   */
  public static MonitorUsers load(Path htpasswd, Clock clock) throws IOException {
    List<String> lines = Files.readAllLines(htpasswd, StandardCharsets.UTF_8);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = htpasswd + " line " + (i + 1);
      if (colon < 1) {
        throw new IllegalArgumentException(where + ": expected name:hash");
      }
      String hash = line.substring(colon + 1);
      if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
        throw new IllegalArgumentException(
            where + ": only bcrypt entries are accepted (htpasswd -B)");
      }
      if (hashes.put(line.substring(0, colon), hash) != null) {
        throw new IllegalArgumentException(
            where + ": user " + line.substring(0, colon) + " appears twice");
      }
    }
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException(htpasswd + " names no user");
    }
    return new MonitorUsers(hashes, clock);
  }

  /** A bcrypt entry for {@code password}, as {@code htpasswd -B} would write it (cost 10). */
  public static String entry(String name, char[] password) {
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    return name + ":" + OpenBSDBCrypt.generate("2y", password, salt, 10);
  }

  public boolean check(String name, String password) {
    if (name == null || password == null) {
      return false;
    }
    String key = name + "\u0000" + digest(password);
    Instant until = verified.get(key);
    Instant now = clock.instant();
    if (until != null && now.isBefore(until)) {
      return true;
    }
    String hash = hashes.get(name);
    boolean ok =
        OpenBSDBCrypt.checkPassword(hash == null ? DUMMY : hash, password.toCharArray())
            && hash != null;
    if (ok) {
      verified.put(key, now.plus(REMEMBER));
    } else {
      verified.remove(key);
    }
    return ok;
  }

  /** The cache keeps a digest of the password, never the password itself. */
  private static String digest(String password) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
