package jp.linkage.hub.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.Test;

class LayoutCatalogTest {

  private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();

  @Test
  void holdsTenItemsOfNineBusinessDomains() {
    assertEquals(
        Set.of(
            "resident-registry-info",
            "local-tax-info",
            "medical-insurance-eligibility",
            "medical-insurance-benefit",
            "long-term-care-insurance",
            "pension-benefit",
            "public-assistance",
            "child-allowance",
            "disability-certificate",
            "student-support"),
        CATALOG.items());
    Layout tax = CATALOG.layout(new ItemRef("local-tax-info", "2026-04"));
    assertEquals("地方税関係情報", tax.nameJa());
    assertEquals("総所得金額", tax.field("totalIncome").orElseThrow().nameJa());
    assertEquals(
        FieldType.CODE,
        CATALOG
            .layout(new ItemRef("resident-registry-info", "2026-04"))
            .field("relationshipToHead")
            .orElseThrow()
            .type());
  }

  @Test
  void editionsAreOrderedAndLatestIsNewest() {
    assertEquals(
        List.of("2017-07", "2026-04"),
        CATALOG.editions("medical-insurance-eligibility").stream().map(Layout::edition).toList());
    assertEquals(
        List.of("2017-07", "2018-07", "2026-04"),
        CATALOG.editions("local-tax-info").stream().map(Layout::edition).toList());
    assertEquals(
        "2026-04", CATALOG.latest("medical-insurance-eligibility").orElseThrow().edition());
    assertTrue(CATALOG.latest("no-such-item").isEmpty());
  }

  @Test
  void unknownLayoutIsASpecificException() {
    assertTrue(
        assertThrows(
                UnknownLayoutException.class,
                () -> CATALOG.layout(new ItemRef("x-info", "2026-04")))
            .getMessage()
            .contains("x-info"));
    assertTrue(
        assertThrows(
                UnknownLayoutException.class,
                () -> CATALOG.layout(new ItemRef("local-tax-info", "1999-01")))
            .getMessage()
            .contains("known editions: [2017-07, 2018-07, 2026-04]"));
  }

  @Test
  void everyFieldIsDocumentedAndCodeFieldsHaveLabels() {
    for (String item : CATALOG.items()) {
      for (Layout layout : CATALOG.editions(item)) {
        for (LayoutField f : layout.fields()) {
          assertFalse(f.description().isBlank(), item + " " + f.code());
          assertEquals(f.type() == FieldType.CODE, !f.codes().isEmpty(), item + " " + f.code());
        }
      }
    }
  }

  @Test
  void brokenLayoutFilesAreRejectedNamingFileAndField() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String layout =
        """
            {"item": "local-tax-info", "edition": "2099-01", "nameJa": "地方税関係情報", "nameEn": "Local tax",
             "validFrom": "2099-01-01", "fields": [%s]}""";
    record Case(String field, String expected) {}
    List<Case> cases =
        List.of(
            new Case(
                """
                {"code": "taxYear", "nameJa": "課税年度", "nameEn": "Tax year", "type": "MONEY",
                 "required": true, "description": "d"}""",
                "f.json field taxYear: unknown type 'MONEY'"),
            new Case(
                """
                {"code": "category", "nameJa": "区分", "nameEn": "Category", "type": "CODE",
                 "required": true, "description": "d"}""",
                "f.json field category: a CODE field needs a non-empty 'codes' array"),
            new Case(
                """
                {"code": "year", "nameJa": "年", "nameEn": "Year", "type": "INTEGER", "maxLength": 4,
                 "required": true, "description": "d"}""",
                "f.json field year: maxLength must be a positive integer on a STRING field"),
            new Case(
                """
                {"code": "note", "nameJa": "備考", "nameEn": "Note", "type": "STRING", "pattern": "[",
                 "required": false, "description": "d"}""",
                "f.json field note: pattern does not compile: Unclosed character class"),
            new Case(
                """
                {"code": "note", "nameJa": "備考", "nameEn": "Note", "type": "STRING", "required": false}""",
                "f.json field note: missing description"));
    for (Case c : cases) {
      JsonNode root = json.readTree(layout.formatted(c.field()));
      assertEquals(
          c.expected(),
          assertThrows(LayoutFormatException.class, () -> LayoutFileParser.parse("f.json", root))
              .getMessage());
    }
  }
}
