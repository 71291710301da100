package jp.linkage.hub.layout.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutField;

/**
 * The prebuilt search index: one entry per item, per field (its newest edition) and per permission
 * row, each with the texts it can be found by, labelled so that a result can say what matched.
 * Written as a script assigning {@code window.CATALOGUE_INDEX}, because a browser will not fetch
 * JSON from a file URL.
 */
final class SearchIndex {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SearchIndex() {}

  /** The index entries of every item. */
  static ArrayNode entries(List<ItemEntry> items) {
    ArrayNode entries = NODES.arrayNode();
    for (ItemEntry e : items) {
      String page = Links.itemPage(e.item());
      String editions =
          e.editions().stream().map(Layout::edition).collect(Collectors.joining(", "));
      entries.add(
          entry(
                  "item",
                  e.nameJa(),
                  e.nameEn(),
                  e.item(),
                  "editions " + (editions.isEmpty() ? "none" : editions),
                  page)
              .set(
                  "texts",
                  texts(
                      "code",
                      e.item(),
                      "名称",
                      e.nameJa(),
                      "name",
                      e.nameEn(),
                      "editions",
                      editions)));
      Map<String, Layout> newestByField = new LinkedHashMap<>();
      e.editions().forEach(l -> l.fields().forEach(f -> newestByField.put(f.code(), l)));
      newestByField.forEach(
          (code, layout) -> entries.add(field(e, layout, layout.field(code).orElseThrow())));
      for (ItemEntry.Use use : e.uses()) {
        entries.add(row(e, use));
      }
    }
    return entries;
  }

  /** The script file's content. */
  static String script(List<ItemEntry> items) {
    try {
      // "</" never occurs in JSON that matters here, but escape it so the index is safe even if
      // inlined
      String json = JSON.writeValueAsString(entries(items)).replace("</", "<\\/");
      return "// Generated search index of the layout catalogue; do not edit.\nwindow.CATALOGUE_INDEX = "
          + json
          + ";\n";
    } catch (JsonProcessingException e) {
      throw new CatalogueException("cannot write the search index", e);
    }
  }

  private static ObjectNode field(ItemEntry e, Layout newest, LayoutField f) {
    String editions =
        e.editions().stream()
            .filter(l -> l.field(f.code()).isPresent())
            .map(Layout::edition)
            .collect(Collectors.joining(", "));
    String codes =
        f.codes().stream()
            .map(v -> v.value() + " " + v.labelJa())
            .collect(Collectors.joining("; "));
    return entry(
            "field",
            f.nameJa(),
            f.nameEn(),
            f.code(),
            e.nameJa() + " · " + e.item() + " · editions " + editions,
            Links.itemPage(e.item()) + "#" + Links.fieldId(newest.edition(), f.code()))
        .set(
            "texts",
            texts(
                "code",
                f.code(),
                "名称",
                f.nameJa(),
                "name",
                f.nameEn(),
                "説明 description",
                f.description(),
                "コード表 code list",
                codes,
                "type",
                f.type().name()));
  }

  private static ObjectNode row(ItemEntry e, ItemEntry.Use use) {
    ItemUses.Row r = use.row();
    String procedureJa = r.text(ItemUses.PROCEDURE_JA);
    String procedureEn = r.text(ItemUses.PROCEDURE_EN);
    String querier = r.text(ItemUses.QUERIER);
    String provider = r.text(ItemUses.PROVIDER);
    ArrayNode texts =
        texts(
            "row",
            r.rowId(),
            "事務",
            procedureJa,
            "procedure",
            procedureEn,
            "procedure code",
            r.text(ItemUses.PROCEDURE),
            "querier",
            querier,
            "provider",
            provider,
            "根拠 citation",
            r.text(ItemUses.CITATION));
    for (ItemUses.Cell c : r.cells()) {
      if (c.value() instanceof ItemUses.Listing) { // later additions such as the fields a row needs
        texts.add(NODES.arrayNode().add(c.name()).add(c.value().plain()));
      }
    }
    return entry(
            "row",
            procedureJa,
            procedureEn,
            r.rowId(),
            "table "
                + use.version().version()
                + " · "
                + querier
                + " → "
                + provider
                + " · "
                + e.nameJa()
                + " "
                + e.item(),
            Links.itemPage(e.item()) + "#" + Links.rowId(use.version().version(), r.rowId()))
        .set("texts", texts);
  }

  private static ObjectNode entry(
      String kind, String title, String en, String code, String context, String url) {
    ObjectNode n = NODES.objectNode();
    n.put("kind", kind)
        .put("title", title)
        .put("en", en)
        .put("code", code)
        .put("context", context)
        .put("url", url);
    return n;
  }

  /** Pairs of (label, text); empty texts are left out. */
  private static ArrayNode texts(String... labelsAndTexts) {
    ArrayNode texts = NODES.arrayNode();
    for (int i = 0; i < labelsAndTexts.length; i += 2) {
      if (labelsAndTexts[i + 1] != null && !labelsAndTexts[i + 1].isEmpty()) {
        texts.add(NODES.arrayNode().add(labelsAndTexts[i]).add(labelsAndTexts[i + 1]));
      }
    }
    return texts;
  }
}
