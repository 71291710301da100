package jp.linkage.hub.layout.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import jp.linkage.hub.layout.CodeValue;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * Turns one data standard layout edition (データ標準レイアウト) into a JSON Schema (draft 2020-12) that gives
 * a document the same verdict as {@link jp.linkage.hub.layout.LayoutValidator}: unknown fields are
 * refused, a required field must be present and not {@code null} or {@code ""}, and an optional
 * field may be absent, {@code null} or {@code ""} (the validator counts all three as absent).
 *
 * <p>Two differences are inherent to JSON Schema: a DATE is checked by a pattern plus {@code
 * format: date}, so whether {@code 2026-02-30} is refused depends on the consumer enabling format
 * assertion (most validators can); and an INTEGER written {@code 2025.0} is the integer 2025 to
 * JSON Schema, while LayoutValidator refuses it.
 */
public final class LayoutJsonSchema {

  /**
   * Placeholder host of every published {@code $id}; no server answers there, the files are the
   * specs.
   */
  public static final String BASE_URI = "https://linkage-hub.example/";

  /** The JSON Schema dialect of every generated schema. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /**
   * {@code yyyy-MM-dd} with a plausible month and day; calendar validity is {@code format: date}.
   */
  static final String DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LayoutJsonSchema() {}

  /**
   * Path of the schema of (item, edition) below the specs folder, e.g. {@code
   * schemas/layouts/x/2026-04.json}.
   */
  public static String path(ItemRef ref) {
    return "schemas/layouts/" + ref.code() + "/" + ref.edition() + ".json";
  }

  /** The {@code $id} of the schema of (item, edition). */
  public static String id(ItemRef ref) {
    return BASE_URI + path(ref);
  }

  /**
   * A schema for every layout edition of the catalogue, items in index order, editions oldest
   * first.
   */
  public static List<SpecDocument> all(LayoutCatalog catalog) {
    return catalog.items().stream()
        .flatMap(item -> catalog.editions(item).stream())
        .map(layout -> new SpecDocument(path(layout.ref()), schema(layout)))
        .toList();
  }

  /** The JSON Schema of one layout edition. */
  public static ObjectNode schema(Layout layout) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", id(layout.ref()));
    schema.put("title", "%s (%s) %s".formatted(layout.nameJa(), layout.nameEn(), layout.edition()));
    schema.put(
        "description",
        ("データ標準レイアウト %s %s 版 (data standard layout, edition %s), valid from %s. "
                + "One answer about one person, keyed by field code. Generated from layouts/%s/%s.json; "
                + "do not edit.")
            .formatted(
                layout.nameJa(),
                layout.edition(),
                layout.edition(),
                layout.validFrom(),
                layout.item(),
                layout.edition()));
    schema.put("x-item", layout.item());
    schema.put("x-edition", layout.edition());
    schema.put("x-validFrom", layout.validFrom().toString());
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (LayoutField field : layout.fields()) {
      properties.set(field.code(), property(field));
      if (field.required()) {
        required.add(field.code());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    ObjectNode absent = schema.putObject("$defs").putObject("absent");
    absent.put("description", "null or \"\": an optional field counts as absent");
    absent.putArray("enum").addNull().add("");
    return schema;
  }

  private static ObjectNode property(LayoutField field) {
    ObjectNode property = JSON.objectNode();
    property.put("title", field.nameJa() + " (" + field.nameEn() + ")");
    property.put("description", description(field));
    property.put("x-nameJa", field.nameJa());
    property.put("x-nameEn", field.nameEn());
    property.put("x-type", field.type().name());
    if (!field.codes().isEmpty()) {
      ObjectNode labels = property.putObject("x-labels");
      field.codes().forEach(c -> labels.put(c.value(), c.labelJa()));
    }
    ObjectNode value = valueSchema(field);
    if (field.required()) {
      property.setAll(value);
    } else {
      property.putArray("anyOf").add(value).add(JSON.objectNode().put("$ref", "#/$defs/absent"));
    }
    return property;
  }

  private static String description(LayoutField field) {
    if (field.codes().isEmpty()) {
      return field.description();
    }
    return field.description()
        + " コード: "
        + field.codes().stream()
            .map(c -> c.value() + "=" + c.labelJa())
            .collect(Collectors.joining(", "));
  }

  private static ObjectNode valueSchema(LayoutField field) {
    ObjectNode value = JSON.objectNode();
    switch (field.type()) {
      case STRING -> {
        value.put("type", "string");
        if (field.required()) {
          value.put("minLength", 1);
        }
        if (field.maxLength() != null) {
          value.put("maxLength", field.maxLength());
        }
        if (field.pattern() != null) {
          value.put("pattern", anchored(field.pattern()));
        }
      }
      case INTEGER ->
          value
              .put("type", "integer")
              .put("minimum", Long.MIN_VALUE)
              .put("maximum", Long.MAX_VALUE);
      case DATE -> value.put("type", "string").put("format", "date").put("pattern", DATE_PATTERN);
      case BOOLEAN -> value.put("type", "boolean");
      case CODE -> {
        value.put("type", "string");
        ArrayNode values = value.putArray("enum");
        field.codes().stream().map(CodeValue::value).forEach(values::add);
      }
    }
    return value;
  }

  /**
   * The layout's pattern must match the whole value (Java {@code matches}); a JSON Schema pattern
   * matches anywhere, so a pattern is wrapped unless it is plainly anchored ({@code ^a|b$} is not).
   */
  static String anchored(String pattern) {
    boolean anchored =
        pattern.startsWith("^")
            && pattern.endsWith("$")
            && !pattern.endsWith("\\$")
            && !pattern.contains("|");
    return anchored ? pattern : "^(?:" + pattern + ")$";
  }
}
