package jp.linkage.hub.registry;

/** The bytes are not a compressed point on P-256. */
public final class InvalidPersonPointException extends IllegalArgumentException {

  public InvalidPersonPointException(String message, Throwable cause) {
    super(message, cause);
  }
}
