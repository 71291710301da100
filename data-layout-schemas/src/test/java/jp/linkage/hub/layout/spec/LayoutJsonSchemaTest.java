package jp.linkage.hub.layout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.Test;

/**
 * The published layout schemas against an independent validator (networknt): each is a valid draft
 * 2020-12 schema, and on a corpus of good and bad documents it gives the same verdict as {@link
 * LayoutValidator}, for every layout in the catalogue.
 */
class LayoutJsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();
  private static final LayoutValidator OURS = new LayoutValidator(CATALOG);

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyEditionHasOneSchemaWithItsIdAndPath() {
    List<SpecDocument> docs = LayoutJsonSchema.all(CATALOG);
    int editions = CATALOG.items().stream().mapToInt(i -> CATALOG.editions(i).size()).sum();
    assertEquals(editions, docs.size());
    assertEquals(editions, new HashSet<>(docs.stream().map(SpecDocument::path).toList()).size());
    for (SpecDocument doc : docs) {
      assertEquals(LayoutJsonSchema.BASE_URI + doc.path(), doc.content().get("$id").asText());
      assertEquals(LayoutJsonSchema.DIALECT, doc.content().get("$schema").asText());
    }
    assertEquals(
        "https://linkage-hub.example/schemas/layouts/local-tax-info/2026-04.json",
        LayoutJsonSchema.id(new ItemRef("local-tax-info", "2026-04")));
  }

  @Test
  void everySchemaIsAValidDraft202012Schema() {
    for (SpecDocument doc : LayoutJsonSchema.all(CATALOG)) {
      assertEquals(Set.of(), IndependentValidator.metaSchemaProblems(doc.content()), doc.path());
    }
  }

  @Test
  void schemaCarriesTypesCodesRequiredAndNames() {
    Layout resident = CATALOG.layout(new ItemRef("resident-registry-info", "2026-04"));
    JsonNode schema = LayoutJsonSchema.schema(resident);
    assertFalse(schema.get("additionalProperties").asBoolean());
    List<String> required =
        StreamSupport.stream(schema.get("required").spliterator(), false)
            .map(JsonNode::asText)
            .toList();
    assertEquals(
        resident.fields().stream().filter(LayoutField::required).map(LayoutField::code).toList(),
        required);
    JsonNode sex = schema.at("/properties/sex");
    assertEquals("性別 (Sex)", sex.get("title").asText());
    assertEquals("女", sex.at("/x-labels/2").asText());
    assertEquals(json("[\"1\", \"2\"]"), sex.get("enum"));
    JsonNode birth = schema.at("/properties/dateOfBirth");
    assertEquals("date", birth.get("format").asText());
    JsonNode kana = schema.at("/properties/nameKana/anyOf/0");
    assertEquals(100, kana.get("maxLength").asInt());
    assertTrue(schema.get("title").asText().contains("住民票関係情報"));
    assertTrue(schema.get("title").asText().contains("Resident registry information"));
  }

  @Test
  void unanchoredPatternsAreWrappedSoTheWholeValueMustMatch() {
    assertEquals("^[0-9]{2}$", LayoutJsonSchema.anchored("^[0-9]{2}$"));
    assertEquals("^(?:[0-9]{2})$", LayoutJsonSchema.anchored("[0-9]{2}"));
    assertEquals("^(?:^a|b$)$", LayoutJsonSchema.anchored("^a|b$"));
  }

  @Test
  void sameVerdictAsLayoutValidatorOnGoodAndBadDocuments() {
    int accepted = 0;
    int rejected = 0;
    List<String> disagreements = new ArrayList<>();
    for (String item : CATALOG.items()) {
      for (Layout layout : CATALOG.editions(item)) {
        JsonSchema schema = IndependentValidator.schema(LayoutJsonSchema.schema(layout));
        for (JsonNode doc : DocumentCorpus.documents(layout)) {
          boolean ours = OURS.validate(layout.ref(), doc).isEmpty();
          boolean theirs = schema.validate(doc).isEmpty();
          if (ours != theirs) {
            disagreements.add(
                item
                    + " "
                    + layout.edition()
                    + " "
                    + doc
                    + ": LayoutValidator "
                    + OURS.validate(layout.ref(), doc)
                    + " vs networknt "
                    + schema.validate(doc));
          }
          if (ours) {
            accepted++;
          } else {
            rejected++;
          }
        }
      }
    }
    assertEquals(List.of(), disagreements);
    // the corpus really exercises both verdicts on every layout
    int layouts = LayoutJsonSchema.all(CATALOG).size();
    assertTrue(accepted >= 5 * layouts, "accepted " + accepted);
    assertTrue(rejected >= 10 * layouts, "rejected " + rejected);
  }

  /**
   * JSON Schema treats {@code 2025.0} as the integer 2025 (same JSON number); LayoutValidator
   * refuses it. No schema keyword can tell them apart, so the published schema is the looser one
   * here; this test pins the difference so that a change on either side is noticed.
   */
  @Test
  void integralFloatIsTheOneKnownDifference() {
    Layout tax = CATALOG.layout(new ItemRef("local-tax-info", "2026-04"));
    JsonNode doc =
        json(
            """
            {"taxYear": 2025.0, "levyingMunicipalityCode": "271004", "taxationCategory": "2", "nonTaxableReason": "3"}""");
    assertFalse(OURS.validate(tax.ref(), doc).isEmpty());
    assertEquals(Set.of(), IndependentValidator.schema(LayoutJsonSchema.schema(tax)).validate(doc));
  }

  @Test
  void handWrittenDocumentsKnownGoodAndBad() {
    JsonSchema resident =
        IndependentValidator.schema(
            LayoutJsonSchema.schema(
                CATALOG.layout(new ItemRef("resident-registry-info", "2026-04"))));
    ObjectNode good =
        (ObjectNode)
            json(
                """
            {"name": "番号 花子", "nameKana": "ばんごう　はなこ", "dateOfBirth": "1985-02-28", "sex": "2",
             "address": "東京都千代田区九段南一丁目2番1号", "relationshipToHead": "02", "isForeignResident": false}""");
    assertEquals(Set.of(), resident.validate(good));
    assertFalse(
        resident.validate(good.deepCopy().put("dateOfBirth", "1985-02-30")).isEmpty(), "calendar");
    assertFalse(resident.validate(good.deepCopy().put("sex", "3")).isEmpty(), "code list");
    assertFalse(resident.validate(good.deepCopy().put("nameKana", "バンゴウ")).isEmpty(), "pattern");
    assertFalse(
        resident.validate(good.deepCopy().put("colour", "blue")).isEmpty(), "unknown field");
    assertEquals(
        Set.of(),
        resident.validate(good.deepCopy().put("nameKana", "")),
        "empty optional is absent");
  }
}
