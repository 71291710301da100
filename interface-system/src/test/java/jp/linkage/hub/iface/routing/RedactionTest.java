package jp.linkage.hub.iface.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void masksRunsOfElevenOrMoreDigitsOnly() {
    assertEquals(
        "id ############ code ########### year 2026 tel 0312345678",
        Redaction.redact("id 123456789018 code 12345678901 year 2026 tel 0312345678"));
    assertTrue(Redaction.containsLongDigitRun("x12345678901"));
    assertFalse(Redaction.containsLongDigitRun("1234567890"));
  }
}
