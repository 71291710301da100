package jp.linkage.hub.layout;

/** Two layouts were compared that are not editions of the same information item. */
public final class LayoutMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LayoutMismatchException(String message) {
    super(message);
  }
}
