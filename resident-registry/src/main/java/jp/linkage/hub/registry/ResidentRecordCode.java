package jp.linkage.hub.registry;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * 住民票コード (resident record code): 11 digits held only by the resident registry network (住基ネット).
 *
 * <p>The real code carries a check digit whose rule is not published in detail, so this stand-in
 * accepts any 11 digits and {@link #random} draws all 11 at random. {@link #toString()} is fully
 * masked; {@link #digits()} is for the explicit use inside the registry only.
 *
 * @param digits the 11 ASCII digits
 */
public record ResidentRecordCode(String digits) {

  private static final int LENGTH = 11;

  public ResidentRecordCode {
    Objects.requireNonNull(digits, "digits");
    if (digits.length() != LENGTH || !MyNumber.allAsciiDigits(digits)) {
      throw new InvalidResidentRecordCodeException(
          "resident record code must be 11 ASCII digits, got " + digits.length() + " characters");
    }
  }

  /** Parses an 11-digit string, rejecting it with {@link InvalidResidentRecordCodeException}. */
  public static ResidentRecordCode parse(String text) {
    return new ResidentRecordCode(text);
  }

  /** Draws 11 random digits (synthetic; no check digit, see the type's Javadoc). */
  public static ResidentRecordCode random(RandomGenerator rng) {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append((char) ('0' + rng.nextInt(10)));
    }
    return new ResidentRecordCode(sb.toString());
  }

  /** Fully masked: never prints a digit. */
  @Override
  public String toString() {
    return "ResidentRecordCode[***********]";
  }
}
