package jp.linkage.hub.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File handling for {@link DevSecrets}: owner-only permissions (700 directories, 600 files), atomic
 * writes, and an inter-process lock so that two processes starting together make one set of keys.
 */
final class SecretFiles {
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** File locks are per process; two threads of one JVM must not both try to take one. */
  private static final Object JVM_LOCK = new Object();

  private SecretFiles() {}

  /** Creates {@code dir} if needed and makes it owner-only. */
  static void ownerOnlyDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, OWNER_DIR);
    }
  }

  /**
   * Makes every file below {@code dir} owner-only (PEM certificates are written world-readable).
   */
  static void tighten(Path dir) throws IOException {
    if (!POSIX) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setPosixFilePermissions(p, Files.isDirectory(p) ? OWNER_DIR : OWNER_FILE);
      }
    }
  }

  /** Writes to a temporary owner-only file and moves it into place, so readers never see half. */
  static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".key"); // 600 on POSIX
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Runs {@code action} holding an exclusive lock on {@code dir/.lock}, across processes. */
  static <T> T locked(Path dir, IoAction<T> action) throws IOException {
    synchronized (JVM_LOCK) {
      return lockedAcrossProcesses(dir, action);
    }
  }

  private static <T> T lockedAcrossProcesses(Path dir, IoAction<T> action) throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return action.run();
    }
  }

  /** Something done under the lock. */
  interface IoAction<T> {
    T run() throws IOException;
  }
}
