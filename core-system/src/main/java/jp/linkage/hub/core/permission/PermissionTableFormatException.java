package jp.linkage.hub.core.permission;

/**
 * A permission table file is unreadable or breaks a rule (unknown agency type, duplicate row id,
 * missing citation, ...). The message names the file and, where there is one, the row.
 */
public final class PermissionTableFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PermissionTableFormatException(String message) {
    super(message);
  }

  PermissionTableFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
