package jp.linkage.hub.layout;

/**
 * A layout file or the layout index is unreadable or breaks the file format; the message names the
 * file and field.
 */
public final class LayoutFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LayoutFormatException(String message) {
    super(message);
  }

  LayoutFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
