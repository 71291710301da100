package jp.linkage.hub.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.Test;

/** Answering in the querier's edition when the layouts allow it, and only then. */
class EditionProjectionTest {
  private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();
  private static final EditionProjection PROJECTION = new EditionProjection(CATALOG);
  private static final LayoutValidator VALIDATOR = new LayoutValidator(CATALOG);

  private static ObjectNode eligibility2026() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("insurerNumber", "06130001");
    o.put("insuranceType", "02");
    o.put("insuredNumber", "1234");
    o.put("branchNumber", "01"); // added in 2026-04
    o.put("insuredCategory", "1");
    o.put("qualificationDate", "2019-04-01");
    return o;
  }

  @Test
  void aFieldTheOlderEditionDoesNotDefineIsDroppedAndTheResultMeetsThatEdition() {
    ObjectNode doc = eligibility2026();
    assertEquals(
        java.util.List.of(),
        VALIDATOR.validate(new ItemRef("medical-insurance-eligibility", "2026-04"), doc));
    JsonNode old =
        PROJECTION
            .project(new ItemRef("medical-insurance-eligibility", "2026-04"), "2017-07", doc)
            .orElseThrow();
    assertTrue(old.path("branchNumber").isMissingNode());
    assertEquals("06130001", old.path("insurerNumber").asText());
    assertEquals(
        java.util.List.of(),
        VALIDATOR.validate(new ItemRef("medical-insurance-eligibility", "2017-07"), old));
    assertEquals("01", doc.path("branchNumber").asText(), "the source document is left alone");
  }

  @Test
  void aCodeValueTheRequestedEditionDoesNotListMeansNoProjection() {
    ObjectNode tax = JsonNodeFactory.instance.objectNode();
    tax.put("taxYear", 2026);
    tax.put("levyingMunicipalityCode", "131016");
    tax.put("taxationCategory", "3"); // 未申告: only since 2026-04
    assertEquals(
        Optional.empty(),
        PROJECTION.project(new ItemRef("local-tax-info", "2026-04"), "2017-07", tax));
  }

  @Test
  void unknownEditionsAndTheSameEdition() {
    ObjectNode doc = eligibility2026();
    assertEquals(
        Optional.empty(),
        PROJECTION.project(
            new ItemRef("medical-insurance-eligibility", "2026-04"), "1999-01", doc));
    assertEquals(
        Optional.of(doc),
        PROJECTION.project(
            new ItemRef("medical-insurance-eligibility", "2026-04"), "2026-04", doc));
  }
}
