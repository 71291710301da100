package jp.linkage.hub.server.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * The first line of a replica file, naming the data standard layout (データ標準レイアウト) its rows follow:
 * {@code #item=medical-insurance-eligibility;edition=2026-04}. It is not a CSV record, so
 * spreadsheet tools keep it as one cell and it cannot be confused with the column header.
 *
 * @param item the information item and the layout edition of the file's rows
 */
public record BatchFileHeader(ItemRef item) {
  /** The key=value pairs a header may (and must) carry. */
  private static final java.util.List<String> KEYS = java.util.List.of("item", "edition");

  /**
   * Parses the first line of a replica file.
   *
   * @throws BatchInputException naming what is missing or malformed
   */
  public static BatchFileHeader parse(String line) throws BatchInputException {
    String expected = " (expected e.g. #item=medical-insurance-eligibility;edition=2026-04)";
    if (line == null || !line.startsWith("#")) {
      throw new BatchInputException(
          "the first line must name the layout item and edition"
              + expected
              + ", found: "
              + abbreviate(line));
    }
    Map<String, String> values = new LinkedHashMap<>();
    // a spreadsheet saving the file as CSV pads the first line with empty cells: ",,,"
    String pairs = line.substring(1).replaceFirst(",+\\s*$", "").strip();
    for (String part : pairs.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
      if (eq < 0 || !KEYS.contains(key)) {
        throw new BatchInputException(
            "first line: '" + part.strip() + "' is not one of item=..., edition=..." + expected);
      }
      if (values.put(key, part.substring(eq + 1).strip()) != null) {
        throw new BatchInputException("first line: " + key + " is given twice");
      }
    }
    for (String key : KEYS) {
      if (values.getOrDefault(key, "").isEmpty()) {
        throw new BatchInputException("first line: no " + key + "=..." + expected);
      }
    }
    return new BatchFileHeader(new ItemRef(values.get("item"), values.get("edition")));
  }

  /** The line that {@link #parse} reads back. */
  public String line() {
    return "#item=" + item.code() + ";edition=" + item.edition();
  }

  private static String abbreviate(String line) {
    if (line == null) {
      return "(nothing)";
    }
    return line.length() <= 60 ? "'" + line + "'" : "'" + line.substring(0, 60) + "...'";
  }
}
