package jp.linkage.hub.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * Checks a document (one answer for one person, a flat JSON object keyed by field code) against its
 * data standard layout. Reports every violation found, each with the field path and rule, so that a
 * sender can fix everything in one go. Thread-safe.
 */
public final class LayoutValidator {

  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private final LayoutCatalog catalog;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public LayoutValidator(LayoutCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The layouts this validator checks against. */
  public LayoutCatalog catalog() {
    return catalog;
  }

  /** Whether any layout edition defines {@code item}. */
  public boolean knowsItem(String item) {
    return catalog.hasItem(item);
  }

  /**
   * Violations of the layout of {@code ref} by {@code document}; empty if the document is valid.
   */
  public List<Violation> validate(ItemRef ref, JsonNode document) {
    String item = ref.code();
    String edition = ref.edition();
    if (!catalog.hasItem(item)) {
      return List.of(
          new Violation(
              item,
              edition,
              "",
              Rule.UNKNOWN_ITEM,
              "no data standard layout for item '" + item + "'"));
    }
    Optional<Layout> layout = catalog.find(ref);
    if (layout.isEmpty()) {
      return List.of(
          new Violation(
              item,
              edition,
              "",
              Rule.UNKNOWN_EDITION,
              "item '" + item + "' has no layout edition '" + edition + "'"));
    }
    if (document == null || !document.isObject()) {
      return List.of(
          new Violation(item, edition, "", Rule.TYPE, "the document must be a JSON object"));
    }
    List<Violation> found = new ArrayList<>();
    for (LayoutField field : layout.get().fields()) {
      check(layout.get(), field, document.get(field.code()), found);
    }
    for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (layout.get().field(name).isEmpty()) {
        found.add(
            new Violation(
                item,
                edition,
                pointer(name),
                Rule.UNKNOWN_FIELD,
                "field '" + name + "' is not defined in layout " + item + " " + edition));
      }
    }
    return found;
  }

  private void check(Layout layout, LayoutField field, JsonNode value, List<Violation> found) {
    boolean absent =
        value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty());
    if (absent) {
      if (field.required()) {
        found.add(violation(layout, field, Rule.REQUIRED, "is required"));
      }
      return;
    }
    if (!hasType(field.type(), value)) {
      found.add(violation(layout, field, Rule.TYPE, "must be " + describe(field.type())));
      return;
    }
    String text = value.asText();
    if (field.maxLength() != null && text.codePointCount(0, text.length()) > field.maxLength()) {
      found.add(
          violation(
              layout,
              field,
              Rule.MAX_LENGTH,
              "is longer than " + field.maxLength() + " characters"));
    }
    if (field.pattern() != null
        && !patterns.computeIfAbsent(field.pattern(), Pattern::compile).matcher(text).matches()) {
      found.add(violation(layout, field, Rule.PATTERN, "does not match " + field.pattern()));
    }
    if (field.type() == FieldType.CODE && field.codeValue(text).isEmpty()) {
      found.add(
          violation(
              layout,
              field,
              Rule.CODE_LIST,
              "'"
                  + text
                  + "' is not in the code list "
                  + field.codes().stream().map(CodeValue::value).toList()));
    }
  }

  private static boolean hasType(FieldType type, JsonNode value) {
    return switch (type) {
      case STRING, CODE -> value.isTextual();
      case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
      case BOOLEAN -> value.isBoolean();
      case DATE -> value.isTextual() && isIsoDate(value.asText());
    };
  }

  private static boolean isIsoDate(String text) {
    try {
      LocalDate.parse(text, ISO_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(FieldType type) {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case DATE -> "a date yyyy-MM-dd";
      case BOOLEAN -> "true or false";
      case CODE -> "a code (string)";
    };
  }

  private static Violation violation(Layout layout, LayoutField field, Rule rule, String what) {
    return new Violation(
        layout.item(),
        layout.edition(),
        pointer(field.code()),
        rule,
        "%s (%s) %s [%s %s]"
            .formatted(field.code(), field.nameJa(), what, layout.item(), layout.edition()));
  }

  /** JSON Pointer (RFC 6901) of a top-level field. */
  private static String pointer(String name) {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
