package jp.linkage.hub.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the layout index and layout files from the class path. Every file is checked by {@link
 * LayoutFileParser}, so a broken layout stops start-up with the file and field named.
 */
public final class LayoutLoader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LayoutLoader() {}

  /**
   * Loads {@code <directory>/index.json}, shaped {@code {"items": [{"item": "local-tax-info",
   * "editions": ["2026-04"]}, ...]}}, and every file it lists.
   */
  public static LayoutCatalog fromClasspath(String directory) {
    String indexName = directory + "/index.json";
    JsonNode items = read(indexName).get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new LayoutFormatException(indexName + ": 'items' must be a non-empty array");
    }
    List<Layout> layouts = new ArrayList<>();
    for (JsonNode entry : items) {
      JsonNode item = entry.get("item");
      JsonNode editions = entry.get("editions");
      if (item == null
          || !item.isTextual()
          || editions == null
          || !editions.isArray()
          || editions.isEmpty()) {
        throw new LayoutFormatException(
            indexName + ": each entry needs 'item' and a non-empty 'editions' array");
      }
      for (JsonNode edition : editions) {
        String name = directory + "/" + item.asText() + "/" + edition.asText() + ".json";
        Layout layout = LayoutFileParser.parse(name, read(name));
        if (!layout.item().equals(item.asText()) || !layout.edition().equals(edition.asText())) {
          throw new LayoutFormatException(
              name
                  + ": declares item '"
                  + layout.item()
                  + "' edition '"
                  + layout.edition()
                  + "', which does not match its place in the index");
        }
        layouts.add(layout);
      }
    }
    return new LayoutCatalog(layouts);
  }

  private static JsonNode read(String resource) {
    InputStream in = LayoutLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new LayoutFormatException(resource + ": not found on the class path");
    }
    try (in) {
      JsonNode node = JSON.readTree(in);
      if (node == null || !node.isObject()) {
        throw new LayoutFormatException(resource + ": not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new LayoutFormatException(resource + ": unreadable JSON: " + e.getMessage(), e);
    }
  }
}
