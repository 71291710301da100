package jp.linkage.hub.layout.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One published specification file (公開仕様): where it goes below the specs folder and its content.
 *
 * @param path relative path with {@code /} separators, e.g. {@code
 *     schemas/layouts/local-tax-info/2026-04.json}; for a JSON Schema it is the part of its {@code
 *     $id} after {@link LayoutJsonSchema#BASE_URI}'s host
 * @param content the document; written as YAML when the path ends in {@code .yaml}, else as JSON
 */
public record SpecDocument(String path, JsonNode content) {

  public SpecDocument {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("spec path must be relative and plain: " + path);
    }
  }
}
