package jp.linkage.hub.layout;

/** Asked for a layout (item, edition) that the catalogue does not hold. */
public final class UnknownLayoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnknownLayoutException(String message) {
    super(message);
  }
}
