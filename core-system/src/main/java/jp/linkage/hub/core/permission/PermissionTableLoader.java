package jp.linkage.hub.core.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;

/**
 * Reads permission table versions from JSON and checks them strictly, so that a typo in a legal
 * table fails at start-up with the file and row named, never as a silently wrong decision.
 */
public final class PermissionTableLoader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VERSION_FIELDS =
      Set.of("version", "validFrom", "titleJa", "note", "rows");
  private static final Set<String> ROW_FIELDS =
      Set.of(
          "rowId",
          "querierType",
          "procedureCode",
          "procedureNameJa",
          "procedureNameEn",
          "providerType",
          "itemCode",
          "citation",
          "validFrom",
          "neededFields");

  /** Codes travel in topic names and logs: lower-case kebab case only. */
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Layout field codes are lower camel case, as in the layout files. */
  private static final Pattern FIELD_CODE = Pattern.compile("[a-z][a-zA-Z0-9]*");

  private PermissionTableLoader() {}

  /**
   * Loads every file listed in {@code <directory>/index.json} ({@code {"versions": ["2017-07.json",
   * ...]}}).
   */
  public static PermissionTable fromClasspath(String directory) {
    return load(directory, PermissionTableLoader::open);
  }

  /**
   * Loads a table from a folder on disk laid out like the class-path one, e.g. a draft edition to
   * check with {@link CoverageCheck} before it ships.
   */
  public static PermissionTable fromDirectory(Path directory) {
    return load(
        directory.toString().replace('\\', '/'),
        name -> {
          try {
            return Files.newInputStream(Path.of(name));
          } catch (IOException e) {
            throw new PermissionTableFormatException(name + ": unreadable: " + e.getMessage(), e);
          }
        });
  }

  private static PermissionTable load(String directory, Function<String, InputStream> opener) {
    String indexName = directory + "/index.json";
    JsonNode index = readTree(indexName, opener.apply(indexName));
    JsonNode files = index.get("versions");
    if (files == null || !files.isArray() || files.isEmpty()) {
      throw new PermissionTableFormatException(
          indexName + ": 'versions' must be a non-empty array of file names");
    }
    List<PermissionTableVersion> versions = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode file : files) {
      String name = directory + "/" + file.asText();
      PermissionTableVersion version = parse(name, opener.apply(name));
      if (!ids.add(version.version())) {
        throw new PermissionTableFormatException(
            name + ": version " + version.version() + " is listed twice");
      }
      versions.add(version);
    }
    return new PermissionTable(versions);
  }

  /**
   * Parses and validates one version file; {@code source} names the file in error messages.
   *
   * @throws PermissionTableFormatException naming the file and row of the first problem found
   */
  public static PermissionTableVersion parse(String source, InputStream in) {
    JsonNode root = readTree(source, in);
    checkKnownFields(source, "", root, VERSION_FIELDS);
    String version = text(source, "", root, "version");
    LocalDate validFrom = date(source, "", root, "validFrom");
    String expectedName = version + ".json";
    if (!source.equals(expectedName) && !source.endsWith("/" + expectedName)) {
      throw new PermissionTableFormatException(
          source + ": version '" + version + "' does not match the file name");
    }
    JsonNode rowNodes = root.get("rows");
    if (rowNodes == null || !rowNodes.isArray() || rowNodes.isEmpty()) {
      throw new PermissionTableFormatException(source + ": 'rows' must be a non-empty array");
    }
    List<PermissionRow> rows = new ArrayList<>();
    Set<String> rowIds = new HashSet<>();
    for (int i = 0; i < rowNodes.size(); i++) {
      PermissionRow row = row(source, i, rowNodes.get(i));
      if (!rowIds.add(row.rowId())) {
        throw new PermissionTableFormatException(
            source + " row " + row.rowId() + ": duplicate rowId");
      }
      for (PermissionRow earlier : rows) {
        if (sameTuple(earlier, row)) {
          throw new PermissionTableFormatException(
              source
                  + " row "
                  + row.rowId()
                  + ": same querier, procedure, provider and item as row "
                  + earlier.rowId());
        }
      }
      rows.add(row);
    }
    return new PermissionTableVersion(version, validFrom, rows);
  }

  /** True if both rows are about the same (querier, procedure, provider, item). */
  private static boolean sameTuple(PermissionRow a, PermissionRow b) {
    return a.querierType() == b.querierType()
        && a.procedureCode().equals(b.procedureCode())
        && a.providerType() == b.providerType()
        && a.itemCode().equals(b.itemCode());
  }

  private static PermissionRow row(String source, int index, JsonNode node) {
    if (!node.isObject()) {
      throw new PermissionTableFormatException(
          source + " row #" + (index + 1) + ": not a JSON object");
    }
    JsonNode idNode = node.get("rowId");
    String where =
        " row "
            + (idNode != null && idNode.isTextual() && !idNode.asText().isBlank()
                ? idNode.asText()
                : "#" + (index + 1));
    checkKnownFields(source, where, node, ROW_FIELDS);
    String rowId = text(source, where, node, "rowId");
    if (rowId.chars().anyMatch(Character::isWhitespace)) {
      throw new PermissionTableFormatException(source + where + ": rowId must not contain spaces");
    }
    return new PermissionRow(
        rowId,
        agencyType(source, where, node, "querierType"),
        code(source, where, node, "procedureCode"),
        text(source, where, node, "procedureNameJa"),
        text(source, where, node, "procedureNameEn"),
        agencyType(source, where, node, "providerType"),
        code(source, where, node, "itemCode"),
        text(source, where, node, "citation"),
        date(source, where, node, "validFrom"),
        neededFields(source, where, node));
  }

  private static List<String> neededFields(String source, String where, JsonNode node) {
    JsonNode array = node.get("neededFields");
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new PermissionTableFormatException(
          source + where + ": neededFields must be a non-empty array of field codes");
    }
    List<String> fields = new ArrayList<>();
    for (JsonNode field : array) {
      String code = field.isTextual() ? field.asText() : field.toString();
      if (!field.isTextual() || !FIELD_CODE.matcher(code).matches()) {
        throw new PermissionTableFormatException(
            source
                + where
                + ": neededFields entry "
                + code
                + " is not a lower camel case field code");
      }
      if (fields.contains(code)) {
        throw new PermissionTableFormatException(
            source + where + ": neededFields lists " + code + " twice");
      }
      fields.add(code);
    }
    return fields;
  }

  private static void checkKnownFields(
      String source, String where, JsonNode node, Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new PermissionTableFormatException(source + where + ": unknown field '" + name + "'");
      }
    }
  }

  private static String text(String source, String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
      throw new PermissionTableFormatException(source + where + ": missing " + field);
    }
    return value.asText().strip();
  }

  private static String code(String source, String where, JsonNode node, String field) {
    String value = text(source, where, node, field);
    if (!CODE.matcher(value).matches()) {
      throw new PermissionTableFormatException(
          source + where + ": " + field + " '" + value + "' is not a lower-case kebab-case code");
    }
    return value;
  }

  private static AgencyType agencyType(String source, String where, JsonNode node, String field) {
    String value = text(source, where, node, field);
    try {
      return AgencyType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new PermissionTableFormatException(
          source + where + ": unknown agency type '" + value + "' in " + field, e);
    }
  }

  private static LocalDate date(String source, String where, JsonNode node, String field) {
    String value = text(source, where, node, field);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new PermissionTableFormatException(
          source + where + ": " + field + " '" + value + "' is not a date yyyy-MM-dd", e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = PermissionTableLoader.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new PermissionTableFormatException(resource + ": not found on the class path");
    }
    return in;
  }

  private static JsonNode readTree(String source, InputStream in) {
    try (in) {
      JsonNode node = JSON.readTree(in);
      if (node == null || !node.isObject()) {
        throw new PermissionTableFormatException(source + ": not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new PermissionTableFormatException(source + ": unreadable JSON: " + e.getMessage(), e);
    }
  }
}
