package jp.linkage.hub.launcher;

/**
 * The demo could not complete its scenario: an outcome did not arrive in time, or a step was
 * refused.
 */
public final class DemoFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  DemoFailedException(String message) {
    super(message);
  }

  DemoFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
