package jp.linkage.hub.server.batch;

/**
 * A batch file (ファイル連携) cannot be used at all: unreadable, not UTF-8, not CSV, no header, or an
 * unknown item or edition. Nothing of it is applied; the message names the file and the problem.
 */
public final class BatchInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BatchInputException(String message) {
    super(message);
  }

  public BatchInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
