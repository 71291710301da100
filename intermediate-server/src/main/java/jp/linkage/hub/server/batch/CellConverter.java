package jp.linkage.hub.server.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;
import jp.linkage.hub.layout.FieldType;

/**
 * Turns a CSV cell into the JSON value a layout field's type takes. It only converts: a cell that
 * does not read as its type is kept as text, so the layout validator (the one set of rules) reports
 * it with the field and rule TYPE, exactly as it would for a JSON document.
 */
final class CellConverter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  private CellConverter() {}

  /**
   * @param type the field's type, or null for a column the layout does not define (kept as text)
   * @param cell a non-empty cell
   */
  static JsonNode convert(FieldType type, String cell) {
    if (type == null) {
      return JSON.textNode(cell);
    }
    return switch (type) {
      case STRING, CODE, DATE -> JSON.textNode(cell);
      case INTEGER ->
          INTEGER.matcher(cell).matches()
              ? JSON.numberNode(new BigInteger(cell))
              : JSON.textNode(cell);
      case BOOLEAN ->
          switch (cell) {
            case "true" -> JSON.booleanNode(true);
            case "false" -> JSON.booleanNode(false);
            default -> JSON.textNode(cell);
          };
    };
  }
}
