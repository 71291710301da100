package jp.linkage.hub.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonPointTest {

  private final PersonPoint point =
      new PersonPoint(
          P256HashToCurve.hashToCurve("some hmac output".getBytes(StandardCharsets.UTF_8)));

  @Test
  void hashToCurveIsDeterministicCompressedAndEven() {
    byte[] again = P256HashToCurve.hashToCurve("some hmac output".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(point.compressed(), again);
    assertEquals(33, again.length);
    assertEquals(0x02, again[0]);
    assertNotEquals(point, new PersonPoint(P256HashToCurve.hashToCurve(new byte[] {1})));
  }

  @Test
  void base64UrlRoundTrip() {
    String text = point.toBase64Url();
    assertEquals(44, text.length());
    assertTrue(text.matches("[A-Za-z0-9_-]+"));
    assertEquals(point, PersonPoint.fromBase64Url(text));
  }

  @Test
  void holdsDefensiveCopies() {
    byte[] bytes = point.compressed();
    bytes[5] ^= 1;
    assertFalse(java.util.Arrays.equals(bytes, point.compressed()));
  }

  @Test
  void rejectsNonPoints() {
    byte[] wrongLength = new byte[32];
    assertThrows(InvalidPersonPointException.class, () -> new PersonPoint(wrongLength));
    byte[] uncompressedPrefix = point.compressed();
    uncompressedPrefix[0] = 0x04;
    assertThrows(InvalidPersonPointException.class, () -> new PersonPoint(uncompressedPrefix));
    assertThrows(
        InvalidPersonPointException.class, () -> PersonPoint.fromBase64Url("not base64 !"));
  }

  @Test
  void toStringShowsOnlyAPrefix() {
    String s = point.toString();
    assertFalse(s.contains(point.toBase64Url()));
    assertTrue(s.contains(point.toBase64Url().substring(0, 8)));
  }
}
