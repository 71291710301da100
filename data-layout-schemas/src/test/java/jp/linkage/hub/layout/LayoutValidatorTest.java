package jp.linkage.hub.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LayoutValidator VALIDATOR =
      new LayoutValidator(LayoutCatalog.loadFromClasspath());
  private static final String RESIDENT = "resident-registry-info";
  private static final String EDITION = "2026-04";

  /** Synthetic person (no real data). */
  private static ObjectNode resident() {
    return (ObjectNode)
        json(
            """
            {"name": "番号 花子", "nameKana": "ばんごう　はなこ", "dateOfBirth": "1985-02-28", "sex": "2",
             "address": "東京都千代田区九段南一丁目2番1号", "householdHeadName": "番号 太郎",
             "relationshipToHead": "02", "changeDate": "2024-04-01", "changeReason": "01",
             "isForeignResident": false}""");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Violation onlyViolation(String item, String edition, JsonNode document) {
    List<Violation> violations = VALIDATOR.validate(new ItemRef(item, edition), document);
    assertEquals(1, violations.size(), () -> "expected exactly one violation, got " + violations);
    return violations.get(0);
  }

  @Test
  void validDocumentsOfAllThreeItemsPass() {
    assertEquals(List.of(), VALIDATOR.validate(new ItemRef(RESIDENT, EDITION), resident()));
    assertEquals(
        List.of(),
        VALIDATOR.validate(
            new ItemRef("local-tax-info", EDITION),
            json(
                """
            {"taxYear": 2025, "levyingMunicipalityCode": "131016", "taxationCategory": "0",
             "totalIncome": 4200000, "taxableIncome": 2650000, "incomeLevy": 265000, "perCapitaLevy": 5000,
             "dependantCount": 1, "dependantUnder16Count": 1, "spouseDeduction": true,
             "singleParentDeduction": false}""")));
    assertEquals(
        List.of(),
        VALIDATOR.validate(
            new ItemRef("medical-insurance-eligibility", EDITION),
            json(
                """
            {"insurerNumber": "06130001", "insuranceType": "02", "insuredSymbol": "1234", "insuredNumber": "567",
             "branchNumber": "01", "insuredCategory": "1", "qualificationDate": "2019-04-01"}""")));
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() {
    ObjectNode doc = resident();
    doc.remove(List.of("nameKana", "householdHeadName", "changeDate", "changeReason"));
    doc.putNull("isForeignResident");
    assertEquals(List.of(), VALIDATOR.validate(new ItemRef(RESIDENT, EDITION), doc));
  }

  @ParameterizedTest(name = "{0} = {1} breaks {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dateOfBirth        | <absent>                      | REQUIRED",
        "name               | ''                            | REQUIRED",
        "dateOfBirth        | 1985/02/28                    | TYPE",
        "dateOfBirth        | 1985-02-30                    | TYPE",
        "isForeignResident  | yes                           | TYPE",
        "householdHeadName  | #long                         | MAX_LENGTH",
        "nameKana           | バンゴウ                       | PATTERN",
        "sex                | 3                             | CODE_LIST",
        "favouriteColour    | blue                          | UNKNOWN_FIELD"
      })
  void eachRuleBrokenOnceGivesExactlyThatViolation(String field, String value, Rule rule) {
    ObjectNode doc = resident();
    switch (value) {
      case "<absent>" -> doc.remove(field);
      case "#long" -> doc.put(field, "あ".repeat(101));
      default -> doc.put(field, value);
    }
    Violation v = onlyViolation(RESIDENT, EDITION, doc);
    assertEquals(rule, v.rule());
    assertEquals("/" + field, v.fieldPath());
    assertEquals(RESIDENT, v.item());
    assertEquals(EDITION, v.edition());
    assertTrue(v.message().contains(field), v.message());
  }

  @Test
  void integerFieldRejectsStringsAndFractions() {
    String valid =
        """
            {"taxYear": %s, "levyingMunicipalityCode": "271004", "taxationCategory": "2", "nonTaxableReason": "3"}""";
    assertEquals(
        List.of(),
        VALIDATOR.validate(new ItemRef("local-tax-info", EDITION), json(valid.formatted("2025"))));
    for (String bad : new String[] {"\"2025\"", "2025.5"}) {
      Violation v = onlyViolation("local-tax-info", EDITION, json(valid.formatted(bad)));
      assertEquals(Rule.TYPE, v.rule());
      assertEquals("/taxYear", v.fieldPath());
    }
  }

  @Test
  void patternOnMunicipalityCode() {
    Violation v =
        onlyViolation(
            "local-tax-info",
            EDITION,
            json(
                """
            {"taxYear": 2025, "levyingMunicipalityCode": "13101", "taxationCategory": "0"}"""));
    assertEquals(Rule.PATTERN, v.rule());
    assertEquals("/levyingMunicipalityCode", v.fieldPath());
  }

  @Test
  void fieldAddedInLaterEditionIsUnknownInTheOlderOne() {
    JsonNode doc =
        json(
            """
            {"insurerNumber": "131016", "insuranceType": "04", "insuredNumber": "00012345",
             "branchNumber": "00", "insuredCategory": "1", "qualificationDate": "2017-04-01"}""");
    assertEquals(
        List.of(),
        VALIDATOR.validate(new ItemRef("medical-insurance-eligibility", "2026-04"), doc));
    Violation v = onlyViolation("medical-insurance-eligibility", "2017-07", doc);
    assertEquals(Rule.UNKNOWN_FIELD, v.rule());
    assertEquals("/branchNumber", v.fieldPath());
  }

  @Test
  void unknownItemAndUnknownEdition() {
    Violation item = onlyViolation("pet-registry-info", EDITION, resident());
    assertEquals(Rule.UNKNOWN_ITEM, item.rule());
    assertEquals("", item.fieldPath());
    Violation edition = onlyViolation(RESIDENT, "2016-01", resident());
    assertEquals(Rule.UNKNOWN_EDITION, edition.rule());
    assertTrue(edition.message().contains("2016-01"), edition.message());
  }

  @Test
  void nonObjectDocumentIsATypeViolationOfTheWholeDocument() {
    Violation v = onlyViolation(RESIDENT, EDITION, json("[1, 2]"));
    assertEquals(Rule.TYPE, v.rule());
    assertEquals("", v.fieldPath());
  }

  @Test
  void severalProblemsAreAllReported() {
    ObjectNode doc = resident();
    doc.remove("name");
    doc.put("sex", "9");
    List<Violation> violations = VALIDATOR.validate(new ItemRef(RESIDENT, EDITION), doc);
    assertEquals(
        List.of("/name REQUIRED", "/sex CODE_LIST"),
        violations.stream().map(v -> v.fieldPath() + " " + v.rule()).toList());
  }
}
