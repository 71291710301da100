package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.catalogue.CatalogueSite;
import jp.linkage.hub.layout.catalogue.ItemUses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped permission table as the layout catalogue takes it: every row with every component as
 * a named cell, and in the catalogue every row of every version on its item's page and in the
 * search.
 */
class PermissionUsesTest {
  private static final PermissionTable TABLE = PermissionTable.loadFromClasspath();

  @Test
  void everyRowBecomesItsComponentsAsNamedCellsInTheRecordsOrder() {
    ItemUses uses = PermissionUses.of(TABLE);
    List<String> components =
        Arrays.stream(PermissionRow.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    assertEquals(components, uses.columns());
    assertTrue(
        components.containsAll(ItemUses.READ),
        "the catalogue reads cells the row has: " + ItemUses.READ);
    assertEquals(TABLE.versions().size(), uses.tables().size());
    for (int v = 0; v < TABLE.versions().size(); v++) {
      PermissionTableVersion version = TABLE.versions().get(v);
      ItemUses.Table table = uses.tables().get(v);
      assertEquals(version.version(), table.version());
      assertEquals(version.validFrom(), table.validFrom());
      assertEquals(version.rows().size(), table.rows().size());
      for (int r = 0; r < version.rows().size(); r++) {
        PermissionRow row = version.rows().get(r);
        ItemUses.Row cells = table.rows().get(r);
        assertEquals(row.rowId(), cells.rowId());
        assertEquals(row.itemCode(), cells.item());
        assertEquals(
            new ItemUses.Agency(row.querierType().name(), row.querierType().nameJa()),
            cells.value(ItemUses.QUERIER));
        assertEquals(
            new ItemUses.Agency(row.providerType().name(), row.providerType().nameJa()),
            cells.value(ItemUses.PROVIDER));
        assertEquals(
            new ItemUses.Listing(
                row.neededFields().stream().<ItemUses.Value>map(ItemUses.Text::new).toList()),
            cells.value("neededFields"));
        assertEquals(row.validFrom().toString(), cells.text("validFrom"));
        assertEquals(row.citation(), cells.text(ItemUses.CITATION));
        assertEquals(row.procedureNameJa(), cells.text(ItemUses.PROCEDURE_JA));
      }
    }
  }

  @Test
  void theCatalogueShowsEveryRowOfTheShippedTableOnItsItemPageAndInTheSearch(@TempDir Path site)
      throws Exception {
    CatalogueSite.write(LayoutCatalog.loadFromClasspath(), PermissionUses.of(TABLE), site);
    String script = Files.readString(site.resolve("assets/search-index.js"));
    JsonNode index =
        new ObjectMapper()
            .readTree(script.substring(script.indexOf('=') + 1, script.lastIndexOf(';')));
    List<String> rowsInIndex = new ArrayList<>();
    index.forEach(e -> rowsInIndex.add(e.get("kind").asText() + ":" + e.get("code").asText()));
    for (PermissionTableVersion version : TABLE.versions()) {
      for (PermissionRow row : version.rows()) {
        String page = Files.readString(site.resolve("items/" + row.itemCode() + ".html"));
        assertTrue(
            page.contains("id=\"r-" + version.version() + "-" + row.rowId() + "\""), row.rowId());
        assertTrue(rowsInIndex.contains("row:" + row.rowId()), row.rowId());
      }
    }
    String tax = Files.readString(site.resolve("items/local-tax-info.html"));
    assertTrue(
        tax.contains("Fields needed") && tax.contains("<code>taxableIncome</code>"),
        "row B2-30-1 needs taxableIncome");
  }
}
