package jp.linkage.hub.registry;

import java.util.Objects;

/**
 * 個人番号 (My Number): 11 digits followed by one 検査用数字 (check digit).
 *
 * <p>The check digit follows 番号法施行令 第8条 and 総務省令第八十五号 第五条: with P<sub>n</sub> the n-th digit
 * counted from the right of the first eleven digits and Q<sub>n</sub> = n+1 for 1 ≤ n ≤ 6, n−5 for
 * 7 ≤ n ≤ 11, let r = Σ P<sub>n</sub>·Q<sub>n</sub> mod 11; the check digit is 0 if r ≤ 1, else 11
 * − r. Sources consulted for the formula and the sample numbers 123456789018 and 983205673214 used
 * in the tests: qiita.com/ytkhs/items/fa6ef94d3c8615b0ce64 and
 * qiita.com/ekzemplaro/items/6e4e782c00d29fda15a9 (both quoting 総務省令第八十五号).
 *
 * <p>{@link #toString()} is fully masked so that a My Number cannot reach a log line by accident;
 * call {@link #digits()} only where the number itself is legally needed.
 *
 * @param digits the 12 ASCII digits
 */
public record MyNumber(String digits) {

  private static final int LENGTH = 12;

  public MyNumber {
    Objects.requireNonNull(digits, "digits");
    if (digits.length() != LENGTH) {
      throw new InvalidMyNumberException(
          InvalidMyNumberException.Reason.WRONG_LENGTH,
          "My Number must have 12 digits, got " + digits.length() + " characters");
    }
    if (!allAsciiDigits(digits)) {
      throw new InvalidMyNumberException(
          InvalidMyNumberException.Reason.NOT_DIGITS,
          "My Number must consist of ASCII digits only");
    }
    if (checkDigit(digits.substring(0, LENGTH - 1)) != digits.charAt(LENGTH - 1) - '0') {
      throw new InvalidMyNumberException(
          InvalidMyNumberException.Reason.BAD_CHECK_DIGIT, "My Number check digit does not match");
    }
  }

  /**
   * Parses a 12-digit string (no separators), rejecting it with {@link InvalidMyNumberException}.
   */
  public static MyNumber parse(String text) {
    return new MyNumber(text);
  }

  /** Builds a My Number from its 11-digit base by appending the check digit. */
  public static MyNumber fromBase(String base11) {
    Objects.requireNonNull(base11, "base11");
    if (base11.length() != LENGTH - 1 || !allAsciiDigits(base11)) {
      throw new InvalidMyNumberException(
          InvalidMyNumberException.Reason.WRONG_LENGTH, "My Number base must be 11 ASCII digits");
    }
    return new MyNumber(base11 + checkDigit(base11));
  }

  /** The 検査用数字 for an 11-digit base (caller guarantees 11 ASCII digits). */
  static int checkDigit(String base11) {
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
      int p = base11.charAt(11 - n) - '0';
      int q = n <= 6 ? n + 1 : n - 5;
      sum += p * q;
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
  }

  static boolean allAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Fully masked: never prints a digit. */
  @Override
  public String toString() {
    return "MyNumber[************]";
  }
}
