package jp.linkage.hub.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentRecordCodeTest {

  @Test
  void acceptsElevenDigits() {
    assertEquals("01234567890", ResidentRecordCode.parse("01234567890").digits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0123456789", "012345678901", "0123456789x", "０１２３４５６７８９０"})
  void rejectsMalformed(String text) {
    assertThrows(InvalidResidentRecordCodeException.class, () -> ResidentRecordCode.parse(text));
  }

  @Test
  void randomIsDeterministicPerSeed() {
    assertEquals(
        ResidentRecordCode.random(new Random(7)), ResidentRecordCode.random(new Random(7)));
    assertNotEquals(
        ResidentRecordCode.random(new Random(7)), ResidentRecordCode.random(new Random(8)));
  }

  @Test
  void toStringIsFullyMasked() {
    String s = ResidentRecordCode.parse("01234567890").toString();
    assertEquals("ResidentRecordCode[***********]", s);
    assertFalse(s.chars().anyMatch(Character::isDigit));
  }
}
