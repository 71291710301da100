package jp.linkage.hub.core.permission;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Thrown when asked for the table version in force at a moment before the first version started.
 */
public final class NoTableInForceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NoTableInForceException(Instant at, LocalDate tokyoDate) {
    super("no permission table version in force at " + at + " (Tokyo date " + tokyoDate + ")");
  }
}
