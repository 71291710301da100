package jp.linkage.hub.layout.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.layout.CodeValue;
import jp.linkage.hub.layout.FieldType;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from data files can hold markup; the catalogue shows it as text and never runs it. */
class CatalogueEscapingTest {
  private static final String EVIL = "<script>alert('x')</script>\"&<img src=x onerror=alert(1)>";

  @Test
  void markupInLayoutsAndRowsIsShownAsText(@TempDir Path site) throws Exception {
    LayoutField field =
        new LayoutField(
            "evilField",
            "名" + EVIL,
            "Name " + EVIL,
            FieldType.CODE,
            null,
            null,
            List.of(new CodeValue("1", "区分" + EVIL)),
            true,
            "説明" + EVIL);
    Layout older =
        new Layout(
            "evil-item",
            "2017-07",
            "項目" + EVIL,
            "Item " + EVIL,
            LocalDate.of(2017, 7, 1),
            List.of());
    Layout newer =
        new Layout(
            "evil-item",
            "2026-04",
            "項目" + EVIL,
            "Item " + EVIL,
            LocalDate.of(2026, 4, 1),
            List.of(field));
    ItemUses.Row row =
        SampleUses.row(
            "B2-1-1", "evil-item", "事務" + EVIL, List.of("needed" + EVIL), LocalDate.of(2026, 4, 1));
    ItemUses uses =
        new ItemUses(
            SampleUses.COLUMNS,
            List.of(new ItemUses.Table("2026-04", LocalDate.of(2026, 4, 1), List.of(row))));

    CatalogueSite.write(new LayoutCatalog(List.of(older, newer)), uses, site);

    for (String file : List.of("index.html", Links.itemPage("evil-item"))) {
      String html = Files.readString(site.resolve(file));
      assertFalse(
          html.contains("<script>alert") || html.contains("<img"), file + " carries live markup");
      assertTrue(
          html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&lt;img"), file);
      assertEquals(
          count(html, "<script"),
          count(html, "<script src=\""),
          file + ": only the site's own scripts");
    }
    String page = Files.readString(site.resolve(Links.itemPage("evil-item")));
    assertTrue(
        page.contains("事務&lt;script&gt;")
            && page.contains("区分&lt;script&gt;")
            && page.contains("説明&lt;script&gt;"));
    assertTrue(
        page.contains("<code>needed&lt;script&gt;"), "a listed value of a row is escaped too");
    String index = Files.readString(site.resolve("assets/search-index.js"));
    assertFalse(
        index.contains("</script"), "the index must not close a script element if ever inlined");
    List<String> texts = new ArrayList<>();
    CatalogueSiteTest.searchIndex(site)
        .forEach(e -> e.get("texts").forEach(t -> texts.add(t.get(1).asText())));
    assertTrue(
        texts.contains("名" + EVIL) && texts.contains("事務" + EVIL),
        "the index keeps the text as data");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
