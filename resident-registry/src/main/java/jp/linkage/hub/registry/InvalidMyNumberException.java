package jp.linkage.hub.registry;

/**
 * 個人番号 (My Number) の形式エラー: the input is not a well-formed My Number.
 *
 * <p>The message never contains the rejected input, so it is safe to log.
 */
public final class InvalidMyNumberException extends IllegalArgumentException {

  /** Why the input was rejected. */
  public enum Reason {
    /** Not exactly 12 characters. */
    WRONG_LENGTH,
    /** Contains a character other than ASCII 0-9. */
    NOT_DIGITS,
    /** The 12th digit is not the 検査用数字 (check digit) of the first 11. */
    BAD_CHECK_DIGIT
  }

  private final Reason reason;

  public InvalidMyNumberException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
