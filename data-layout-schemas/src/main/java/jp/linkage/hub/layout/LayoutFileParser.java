package jp.linkage.hub.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one layout file (already read as JSON) into a {@link Layout}, checking the file format
 * strictly.
 */
public final class LayoutFileParser {

  private static final Set<String> LAYOUT_KEYS =
      Set.of("item", "edition", "nameJa", "nameEn", "validFrom", "fields");
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "code",
          "nameJa",
          "nameEn",
          "type",
          "maxLength",
          "pattern",
          "codes",
          "required",
          "description");
  private static final Pattern FIELD_CODE = Pattern.compile("[a-z][a-zA-Z0-9]*");

  private LayoutFileParser() {}

  /**
   * @param source file name used in error messages
   * @throws LayoutFormatException naming the file and field of the first problem found
   */
  public static Layout parse(String source, JsonNode root) {
    known(source, root, LAYOUT_KEYS);
    JsonNode fieldNodes = root.get("fields");
    if (fieldNodes == null || !fieldNodes.isArray() || fieldNodes.isEmpty()) {
      throw new LayoutFormatException(source + ": 'fields' must be a non-empty array");
    }
    List<LayoutField> fields = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (JsonNode node : fieldNodes) {
      LayoutField field = field(source, node);
      if (!codes.add(field.code())) {
        throw new LayoutFormatException(
            source + " field " + field.code() + ": duplicate field code");
      }
      fields.add(field);
    }
    String validFrom = text(source, root, "validFrom");
    try {
      return new Layout(
          text(source, root, "item"),
          text(source, root, "edition"),
          text(source, root, "nameJa"),
          text(source, root, "nameEn"),
          LocalDate.parse(validFrom),
          fields);
    } catch (DateTimeParseException e) {
      throw new LayoutFormatException(
          source + ": validFrom '" + validFrom + "' is not a date yyyy-MM-dd", e);
    }
  }

  private static LayoutField field(String source, JsonNode node) {
    String code = node.path("code").asText("");
    String where = source + " field " + (code.isBlank() ? "?" : code);
    if (!FIELD_CODE.matcher(code).matches()) {
      throw new LayoutFormatException(where + ": code must be lower camel case");
    }
    known(where, node, FIELD_KEYS);
    FieldType type;
    try {
      type = FieldType.valueOf(text(where, node, "type"));
    } catch (IllegalArgumentException e) {
      throw new LayoutFormatException(
          where + ": unknown type '" + node.get("type").asText() + "'", e);
    }
    JsonNode required = node.get("required");
    if (required == null || !required.isBoolean()) {
      throw new LayoutFormatException(where + ": 'required' must be true or false");
    }
    Integer maxLength = null;
    if (node.has("maxLength")) {
      if (type != FieldType.STRING
          || !node.get("maxLength").canConvertToInt()
          || node.get("maxLength").asInt() < 1) {
        throw new LayoutFormatException(
            where + ": maxLength must be a positive integer on a STRING field");
      }
      maxLength = node.get("maxLength").asInt();
    }
    String pattern = null;
    if (node.has("pattern")) {
      pattern = text(where, node, "pattern");
      if (type != FieldType.STRING) {
        throw new LayoutFormatException(where + ": pattern is only allowed on a STRING field");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new LayoutFormatException(
            where + ": pattern does not compile: " + e.getDescription(), e);
      }
    }
    return new LayoutField(
        code,
        text(where, node, "nameJa"),
        text(where, node, "nameEn"),
        type,
        maxLength,
        pattern,
        codes(where, node, type),
        required.asBoolean(),
        text(where, node, "description"));
  }

  private static List<CodeValue> codes(String where, JsonNode node, FieldType type) {
    JsonNode codes = node.get("codes");
    if (type != FieldType.CODE) {
      if (codes != null) {
        throw new LayoutFormatException(where + ": codes are only allowed on a CODE field");
      }
      return List.of();
    }
    if (codes == null || !codes.isArray() || codes.isEmpty()) {
      throw new LayoutFormatException(where + ": a CODE field needs a non-empty 'codes' array");
    }
    List<CodeValue> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode c : codes) {
      CodeValue value = new CodeValue(text(where, c, "value"), text(where, c, "labelJa"));
      if (!seen.add(value.value())) {
        throw new LayoutFormatException(where + ": duplicate code value '" + value.value() + "'");
      }
      values.add(value);
    }
    return values;
  }

  private static void known(String where, JsonNode node, Set<String> keys) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw new LayoutFormatException(where + ": unknown key '" + name + "'");
      }
    }
  }

  private static String text(String where, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new LayoutFormatException(where + ": missing " + key);
    }
    return value.asText();
  }
}
