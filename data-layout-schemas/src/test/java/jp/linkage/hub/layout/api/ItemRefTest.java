package jp.linkage.hub.layout.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ItemRefTest {

  @Test
  void anItemAndAnEditionAreBothRequiredAndNotBlank() {
    assertEquals("local-tax-info", new ItemRef("local-tax-info", "2026-04").code());
    assertThrows(NullPointerException.class, () -> new ItemRef(null, "2026-04"));
    assertThrows(NullPointerException.class, () -> new ItemRef("local-tax-info", null));
    assertEquals(
        "code must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new ItemRef(" ", "2026-04"))
            .getMessage());
    assertEquals(
        "edition must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new ItemRef("local-tax-info", ""))
            .getMessage());
  }
}
