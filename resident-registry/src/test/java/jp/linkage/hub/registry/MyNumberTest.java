package jp.linkage.hub.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MyNumberTest {

  @Test
  void acceptsPublishedSampleNumbers() {
    // Widely used sample (Σ Pn·Qn = 212, 212 mod 11 = 3, check = 8) and a second published one.
    assertEquals("123456789018", MyNumber.parse("123456789018").digits());
    assertEquals("983205673214", MyNumber.parse("983205673214").digits());
  }

  @Test
  void checkDigitEdgeCasesComputedByHand() {
    assertEquals(0, MyNumber.checkDigit("00000000000")); // r = 0
    assertEquals(0, MyNumber.checkDigit("00000000006")); // 6·2 = 12, r = 1
    assertEquals(1, MyNumber.checkDigit("00000000005")); // 5·2 = 10, r = 10
    assertEquals(9, MyNumber.checkDigit("00000000001")); // 1·2 = 2, r = 2
    assertEquals(5, MyNumber.checkDigit("10000000000")); // leftmost is P11, Q11 = 6, r = 6
    assertEquals(4, MyNumber.checkDigit("00000100000")); // P6, Q6 = 7, r = 7
    assertEquals(9, MyNumber.checkDigit("00001000000")); // P7, Q7 = 2, r = 2
  }

  @Test
  void fromBaseAppendsCheckDigit() {
    assertEquals(MyNumber.parse("123456789018"), MyNumber.fromBase("12345678901"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"123456789010", "123456789011", "123456789017", "123456789019", "223456789018"})
  void rejectsBadCheckDigit(String text) {
    InvalidMyNumberException e =
        assertThrows(InvalidMyNumberException.class, () -> MyNumber.parse(text));
    assertEquals(InvalidMyNumberException.Reason.BAD_CHECK_DIGIT, e.reason());
    assertFalse(e.getMessage().contains(text.substring(0, 4)), "message must not echo the input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345678901", "1234567890180", "1234-5678-9018"})
  void rejectsWrongLength(String text) {
    assertEquals(
        InvalidMyNumberException.Reason.WRONG_LENGTH,
        assertThrows(InvalidMyNumberException.class, () -> MyNumber.parse(text)).reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901a", " 23456789018", "１２３４５６７８９０１８", "12345678-018"})
  void rejectsNonDigits(String text) {
    assertEquals(
        InvalidMyNumberException.Reason.NOT_DIGITS,
        assertThrows(InvalidMyNumberException.class, () -> MyNumber.parse(text)).reason());
  }

  @Test
  void toStringIsFullyMasked() {
    String s = MyNumber.parse("123456789018").toString();
    assertEquals("MyNumber[************]", s);
    assertFalse(s.chars().anyMatch(Character::isDigit));
  }
}
