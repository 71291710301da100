package jp.linkage.hub.core.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;

/**
 * The shipped provider supply is realistic (each type supplies the schemes it runs) and its parser
 * is strict.
 */
class ProviderSupplyTest {

  private static final ProviderSupply SUPPLY = ProviderSupply.loadFromClasspath();
  private static final LayoutCatalog LAYOUTS = LayoutCatalog.loadFromClasspath();

  private static Set<String> itemsOf(AgencyType type) {
    Set<String> items = new TreeSet<>();
    LAYOUTS.items().forEach(item -> SUPPLY.fields(type, item).ifPresent(f -> items.add(item)));
    return items;
  }

  @Test
  void eachProviderTypeSuppliesOnlyTheItemsOfTheSchemesItRuns() {
    assertEquals(
        Set.of("medical-insurance-eligibility", "medical-insurance-benefit"),
        itemsOf(AgencyType.HEALTH_INSURANCE_SOCIETY));
    assertEquals(
        Set.of("medical-insurance-eligibility", "medical-insurance-benefit"),
        itemsOf(AgencyType.NHI_ASSOCIATION));
    assertEquals(Set.of("pension-benefit"), itemsOf(AgencyType.PENSION_ORGANISATION));
    assertEquals(Set.of("student-support"), itemsOf(AgencyType.JASSO));
    assertEquals(
        Set.of("public-assistance", "disability-certificate"), itemsOf(AgencyType.PREFECTURE));
    assertEquals(Set.of(), itemsOf(AgencyType.MHLW));
    Set<String> municipal = itemsOf(AgencyType.MUNICIPALITY);
    assertFalse(
        municipal.contains("pension-benefit") || municipal.contains("student-support"),
        municipal.toString());
    assertEquals(8, municipal.size(), municipal.toString());
  }

  @Test
  void someProviderTypesLackFieldsOfAnItemTheySupply() {
    assertFalse(
        SUPPLY
            .fields(AgencyType.MUNICIPALITY, "medical-insurance-eligibility")
            .orElseThrow()
            .contains("branchNumber"));
    assertTrue(
        SUPPLY
            .fields(AgencyType.HEALTH_INSURANCE_SOCIETY, "medical-insurance-eligibility")
            .orElseThrow()
            .contains("branchNumber"));
    assertFalse(
        SUPPLY
            .fields(AgencyType.MUNICIPALITY, "disability-certificate")
            .orElseThrow()
            .contains("reviewDate"));
    assertFalse(
        SUPPLY
            .fields(AgencyType.LATE_ELDERLY_MEDICAL_UNION, "medical-insurance-eligibility")
            .orElseThrow()
            .contains("insuredSymbol"));
  }

  @Test
  void everyDeclaredFieldIsAFieldOfSomeEditionOfItsItem() throws Exception {
    JsonNode root;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(ProviderSupply.DEFAULT_RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    for (JsonNode entry : root.get("supply")) {
      String item = entry.get("item").asText();
      assertTrue(LAYOUTS.hasItem(item), item);
      Set<String> known = new HashSet<>();
      LAYOUTS.editions(item).forEach(l -> l.fields().forEach(f -> known.add(f.code())));
      entry
          .get("fields")
          .forEach(
              f ->
                  assertTrue(
                      known.contains(f.asText()),
                      entry.get("providerType") + " " + item + " " + f));
    }
  }

  private static ProviderSupply parse(String json) {
    return ProviderSupply.parse(
        "supply.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEntryMayCarryANoteButAMisspeltKeyIsRefused() {
    assertEquals(
        Set.of("taxYear"),
        parse(
                """
                {"supply": [{"providerType": "MUNICIPALITY", "item": "local-tax-info", "fields": ["taxYear"], "note": "why"}]}
                """)
            .fields(AgencyType.MUNICIPALITY, "local-tax-info")
            .orElseThrow());
    PermissionTableFormatException e =
        assertThrows(
            PermissionTableFormatException.class,
            () ->
                parse(
                    """
                {"supply": [{"providerType": "MUNICIPALITY", "item": "local-tax-info", "fields": ["taxYear"], "notes": "why"}]}
                """));
    assertEquals("supply.json entry #1: unknown key 'notes'", e.getMessage());
  }

  @Test
  void aTypeDeclaringAnItemTwiceIsRefused() {
    String entry =
        "{\"providerType\": \"JASSO\", \"item\": \"student-support\", \"fields\": [\"status\"]}";
    PermissionTableFormatException e =
        assertThrows(
            PermissionTableFormatException.class,
            () -> parse("{\"supply\": [" + String.join(",", List.of(entry, entry)) + "]}"));
    assertEquals("supply.json entry #2: JASSO student-support is declared twice", e.getMessage());
  }
}
