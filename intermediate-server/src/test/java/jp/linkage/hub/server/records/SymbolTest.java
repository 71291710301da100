package jp.linkage.hub.server.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SymbolTest {
  private static final String ENCODED =
      "AQKx2f1c9Qm3JH0yTq1rZkz4d8vA7bCeRtYuIoPaSdFgHjKlZxCvBnMqWeRtYuIoPa";

  @Test
  void itsTextNeverAppearsInFullAndABlankSymbolIsRefused() {
    assertEquals("Symbol[AQKx2f…]", new Symbol(ENCODED).toString());
    assertFalse(new Symbol("sym-1").toString().contains("sym-1"), "a short one shows at most half");
    assertEquals(ENCODED, new Symbol(ENCODED).encoded());
    assertThrows(NullPointerException.class, () -> new Symbol(null));
    assertThrows(IllegalArgumentException.class, () -> new Symbol(" "));
  }
}
