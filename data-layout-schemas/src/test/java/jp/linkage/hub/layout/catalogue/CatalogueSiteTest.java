package jp.linkage.hub.layout.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of the shipped layouts and a sample of permission rows ({@link SampleUses}):
 * complete, every link resolves, nothing external.
 */
class CatalogueSiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");

  @TempDir static Path site;
  private static LayoutCatalog layouts;
  private static ItemUses uses;

  @BeforeAll
  static void writeSite() {
    layouts = LayoutCatalog.loadFromClasspath();
    uses = SampleUses.of(layouts);
    CatalogueSite.write(layouts, uses, site);
  }

  @Test
  void everyEditionFieldAndRowHasItsAnchorOnItsItemPage() throws Exception {
    for (String item : layouts.items()) {
      String page = Files.readString(site.resolve(Links.itemPage(item)));
      for (Layout edition : layouts.editions(item)) {
        assertTrue(
            page.contains("id=\"" + Links.editionId(edition.edition()) + "\""),
            item + " " + edition.edition());
        for (LayoutField f : edition.fields()) {
          assertTrue(
              page.contains("id=\"" + Links.fieldId(edition.edition(), f.code()) + "\""),
              item + " " + f.code());
          f.codes()
              .forEach(
                  v ->
                      assertTrue(
                          page.contains(Html.text(v.labelJa())), f.code() + " " + v.value()));
        }
        assertTrue(Files.isRegularFile(site.resolve(Links.schema(edition.ref()))));
      }
    }
    for (ItemUses.Table version : uses.tables()) {
      version
          .rows()
          .forEach(
              r ->
                  assertTrue(
                      read(Links.itemPage(r.item()))
                          .contains("id=\"" + Links.rowId(version.version(), r.rowId()) + "\""),
                      r.rowId()));
    }
  }

  @Test
  void itemPagesShowTheFieldsEachRowNeedsAndTheEditionVerdictsPerSide() throws Exception {
    String tax = read(Links.itemPage("local-tax-info"));
    assertTrue(tax.contains("Fields needed"), "needed-fields column");
    assertTrue(tax.contains("<code>taxableIncome</code>"), "row B2-30-1 needs taxableIncome");
    // 2017-07 → 2018-07 adds fields and code values: providers still on 2017-07 keep working, the
    // classification names each change with whom it breaks
    assertTrue(
        tax.contains("verdict-providers") && tax.contains("verdict-queriers"),
        "one verdict per side");
    assertTrue(
        tax.contains("class=\"warning verdict-"), "some local-tax edition change breaks a side");
    assertTrue(
        tax.contains("[FIELD_REMOVED_"), "widowDeduction removed, classified by change kind");
  }

  @Test
  void everyLinkOfEveryPageAndOfTheSearchIndexResolvesInsideTheSite() throws Exception {
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertEquals(
        1 + layouts.items().size() + extraItems(), pages.size(), "index plus a page per item");
    int links = 0;
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        assertResolves(page, m.group(1), page.toString());
        links++;
      }
    }
    JsonNode index = searchIndex();
    for (JsonNode entry : index) {
      assertResolves(
          site.resolve("index.html"), entry.get("url").asText(), "search index entry " + entry);
    }
    assertTrue(
        links > 20 && index.size() > 40, links + " links, " + index.size() + " index entries");
  }

  @Test
  void theSearchIndexHasEveryItemFieldAndRowWithItsTexts() throws Exception {
    JsonNode index = searchIndex();
    List<String> keys = new ArrayList<>();
    index.forEach(e -> keys.add(e.get("kind").asText() + ":" + e.get("code").asText()));
    for (String item : layouts.items()) {
      assertTrue(keys.contains("item:" + item), item);
      layouts
          .editions(item)
          .forEach(
              l ->
                  l.fields()
                      .forEach(f -> assertTrue(keys.contains("field:" + f.code()), f.code())));
    }
    uses.tables()
        .forEach(
            v -> v.rows().forEach(r -> assertTrue(keys.contains("row:" + r.rowId()), r.rowId())));
    JsonNode taxYear = find(index, "field", "taxYear");
    assertTrue(taxYear.get("texts").toString().contains("課税年度"));
    assertTrue(taxYear.get("url").asText().endsWith("#" + Links.fieldId("2026-04", "taxYear")));
  }

  @Test
  void pagesLoadNothingFromOutsideAndDeclareTheirLanguage() throws Exception {
    String index = read("index.html");
    assertTrue(
        index.contains("<html lang=\"en\">") && index.contains("<label for=\"q\">"),
        "label and language");
    assertTrue(index.contains("Content-Security-Policy"));
    try (Stream<Path> files = Files.walk(site)) {
      for (Path p : files.filter(p -> p.toString().matches(".*\\.(html|css|js)$")).toList()) {
        String text = Files.readString(p);
        assertFalse(
            text.contains("http://") || text.contains("https://") || text.contains("@import"),
            p + " refers to something outside the site");
      }
    }
  }

  @Test
  void anItemOnlyTheTableNamesHasAPageSayingNoLayoutDefinesIt() {
    assertEquals(1, extraItems());
    String page = read(Links.itemPage(SampleUses.UNDEFINED_ITEM));
    assertTrue(page.contains("no data standard layout defines it"), "the gap is visible");
    assertTrue(
        page.contains("id=\"" + Links.rowId("2026-04", "B2-99-1") + "\""),
        "with the row naming it");
  }

  private static long extraItems() {
    return uses.tables().stream()
        .flatMap(v -> v.rows().stream())
        .map(r -> r.item())
        .distinct()
        .filter(i -> !layouts.hasItem(i))
        .count();
  }

  private static JsonNode find(JsonNode index, String kind, String code) {
    for (JsonNode e : index) {
      if (e.get("kind").asText().equals(kind) && e.get("code").asText().equals(code)) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " " + code + " in the search index");
  }

  static JsonNode searchIndex() throws Exception {
    return searchIndex(site);
  }

  /** The entries of the search index script below {@code dir}. */
  static JsonNode searchIndex(Path dir) throws Exception {
    String script = Files.readString(dir.resolve("assets/search-index.js"));
    String json = script.substring(script.indexOf('=') + 1, script.lastIndexOf(';'));
    return JSON.readTree(json);
  }

  /**
   * {@code link} on {@code page} names a file of the site and, if it has a fragment, an id in that
   * file.
   */
  private static void assertResolves(Path page, String link, String where) {
    assertFalse(link.contains("://") || link.startsWith("//"), where + " links outside: " + link);
    int hash = link.indexOf('#');
    String file = hash < 0 ? link : link.substring(0, hash);
    Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    assertTrue(target.startsWith(site) && Files.isRegularFile(target), where + ": missing " + link);
    if (hash >= 0) {
      Matcher m = ID.matcher(read(site.relativize(target).toString()));
      boolean found = false;
      while (!found && m.find()) {
        found = m.group(1).equals(link.substring(hash + 1));
      }
      assertTrue(found, where + ": no id for " + link);
    }
  }

  private static String read(String relative) {
    try {
      return Files.readString(site.resolve(relative));
    } catch (java.io.IOException e) {
      throw new AssertionError("cannot read " + relative, e);
    }
  }
}
