package jp.linkage.hub.core.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AgencySymbolTest {

  private final AgencySymbol symbol =
      new SymbolService(new SymbolKeyring(TestPoints.MASTER, 7))
          .issue("nenkin", TestPoints.randomPoint(new Random(1)));

  @Test
  void encodedFormRoundTrips() {
    String text = symbol.encoded();
    assertEquals(67, text.length());
    assertTrue(text.matches("[A-Za-z0-9_-]+"));
    assertEquals(symbol, AgencySymbol.decode(text));
    assertEquals(7, symbol.toBytes()[0]);
    assertEquals(50, symbol.toBytes().length);
  }

  @Test
  void agencyCodeIsNotEncoded() {
    assertFalse(
        new String(symbol.toBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("nenkin"));
  }

  @Test
  void valueSemanticsAndDefensiveCopies() {
    byte[] point = symbol.point();
    point[10] ^= 1;
    assertNotEquals(new AgencySymbol(7, point, symbol.tag()), symbol);
    assertEquals(new AgencySymbol(7, symbol.point(), symbol.tag()), symbol);
    assertEquals(new AgencySymbol(7, symbol.point(), symbol.tag()).hashCode(), symbol.hashCode());
  }

  @Test
  void rejectsMalformed() {
    assertMalformed(() -> AgencySymbol.decode("not base64 !"));
    assertMalformed(() -> AgencySymbol.decode(symbol.encoded().substring(4)));
    byte[] bytes = symbol.toBytes();
    bytes[0] = 0;
    assertMalformed(() -> AgencySymbol.fromBytes(bytes));
    bytes[0] = 1;
    bytes[1] = 0x04;
    assertMalformed(() -> AgencySymbol.fromBytes(bytes));
  }

  @Test
  void toStringShowsOnlyAShortPrefix() {
    String s = symbol.toString();
    assertTrue(s.startsWith("AgencySymbol[v7:"), s);
    assertTrue(s.length() < 30, s);
    assertFalse(s.contains(symbol.encoded().substring(2, 20)));
  }

  private static void assertMalformed(org.junit.jupiter.api.function.Executable call) {
    assertEquals(
        SymbolRejectedException.Reason.MALFORMED,
        assertThrows(SymbolRejectedException.class, call).reason());
  }
}
