package jp.linkage.hub.layout.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.linkage.hub.layout.CodeValue;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutField;

/**
 * Good and bad documents for any layout, built from the layout itself so that new items and
 * editions are covered without new test data: a full and a minimal document, then one field changed
 * at a time to every kind of value (absent, null, "", wrong types, lengths around {@code maxLength}
 * in characters outside the BMP, impossible dates, unknown codes) plus an unknown field and
 * non-object documents. All values are synthetic. Leaves out {@code 2025.0}, the one known
 * difference (see {@code LayoutJsonSchemaTest#integralFloatIsTheOneKnownDifference}).
 */
final class DocumentCorpus {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Candidate texts tried against a field's pattern; the first that fits is the field's good value.
   */
  private static final List<String> CANDIDATES =
      List.of(
          "1",
          "01",
          "12",
          "123",
          "1234",
          "12345",
          "123456",
          "1234567",
          "12345678",
          "ばんごう　はなこ",
          "ABC",
          "abc",
          "A1",
          "東京都千代田区",
          "2025");

  private static final String WIDE = "\uD842\uDFB7"; // 𠮷: one character, two UTF-16 units

  private DocumentCorpus() {}

  static List<JsonNode> documents(Layout layout) {
    ObjectNode full = JSON.objectNode();
    ObjectNode minimal = JSON.objectNode();
    for (LayoutField field : layout.fields()) {
      full.set(field.code(), goodValue(field));
      if (field.required()) {
        minimal.set(field.code(), goodValue(field));
      }
    }
    List<JsonNode> docs =
        new ArrayList<>(
            List.of(
                full,
                minimal,
                JSON.arrayNode().add(1),
                JSON.textNode("x"),
                JSON.objectNode(),
                full.deepCopy().put("unknownField", "x")));
    for (LayoutField field : layout.fields()) {
      docs.add(without(full, field.code()));
      for (JsonNode value : values(field)) {
        docs.add(full.deepCopy().set(field.code(), value));
      }
    }
    return docs;
  }

  private static JsonNode without(ObjectNode doc, String code) {
    ObjectNode copy = doc.deepCopy();
    copy.remove(code);
    return copy;
  }

  private static JsonNode goodValue(LayoutField field) {
    return switch (field.type()) {
      case STRING -> JSON.textNode(goodText(field));
      case INTEGER -> JSON.numberNode(2025);
      case DATE -> JSON.textNode("2024-02-29");
      case BOOLEAN -> JSON.booleanNode(true);
      case CODE -> JSON.textNode(field.codes().get(0).value());
    };
  }

  private static String goodText(LayoutField field) {
    Pattern pattern = field.pattern() == null ? null : Pattern.compile(field.pattern());
    int max = field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength();
    return CANDIDATES.stream()
        .filter(c -> pattern == null || pattern.matcher(c).matches())
        .filter(c -> c.codePointCount(0, c.length()) <= max)
        .findFirst()
        .orElse("x");
  }

  private static List<JsonNode> values(LayoutField field) {
    List<JsonNode> values =
        new ArrayList<>(
            List.of(
                JSON.nullNode(),
                JSON.textNode(""),
                JSON.textNode(" "),
                JSON.numberNode(12),
                JSON.numberNode(2025.5),
                JSON.textNode("2025"),
                JSON.booleanNode(false),
                JSON.objectNode(),
                JSON.arrayNode(),
                JSON.textNode("zz"),
                JSON.numberNode(Long.MAX_VALUE),
                JSON.numberNode(new BigInteger("9223372036854775808")),
                JSON.textNode("2026-02-30"),
                JSON.textNode("2026-13-01"),
                JSON.textNode("1985/02/28"),
                JSON.textNode("2026-04-01"),
                JSON.textNode("ひらがな"),
                JSON.textNode("カタカナ")));
    for (CodeValue code : field.codes()) {
      values.add(JSON.textNode(code.value()));
    }
    if (field.maxLength() != null) {
      values.add(JSON.textNode(WIDE.repeat(field.maxLength())));
      values.add(JSON.textNode(WIDE.repeat(field.maxLength() + 1)));
      values.add(JSON.textNode("あ".repeat(field.maxLength() + 1)));
    }
    return values;
  }
}
