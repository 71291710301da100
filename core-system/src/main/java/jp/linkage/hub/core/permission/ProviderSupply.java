package jp.linkage.hub.core.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.core.api.AgencyType;

/**
 * 提供可能項目: which layout fields each provider type (情報提供者の種別) can supply for an information item,
 * i.e. what its back-office systems hold and register as 副本. {@link CoverageCheck} compares
 * permission rows and layout editions with it. Read from {@code provider-supply.json} on the class
 * path, shaped {@code {"supply": [{"providerType": "MUNICIPALITY", "item": "local-tax-info",
 * "fields": ["taxYear", ...]}]}}; an entry may carry a {@code note} saying why a field is left out.
 * Other keys are refused, so a misspelt key cannot silently drop a declaration.
 */
public final class ProviderSupply {

  /** Class-path resource of the shipped declaration. */
  public static final String DEFAULT_RESOURCE = "provider-supply.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ENTRY_KEYS = Set.of("providerType", "item", "fields", "note");

  private final Map<AgencyType, Map<String, Set<String>>> fields;

  /**
   * @param fields field codes by provider type and item code
   */
  public ProviderSupply(Map<AgencyType, Map<String, Set<String>>> fields) {
    Map<AgencyType, Map<String, Set<String>>> copy = new LinkedHashMap<>();
    fields.forEach(
        (type, items) -> {
          Map<String, Set<String>> byItem = new LinkedHashMap<>();
          items.forEach((item, codes) -> byItem.put(item, Set.copyOf(codes)));
          copy.put(type, byItem);
        });
    this.fields = copy;
  }

  /** Loads {@value #DEFAULT_RESOURCE} from the class path. */
  public static ProviderSupply loadFromClasspath() {
    InputStream in = ProviderSupply.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new PermissionTableFormatException(DEFAULT_RESOURCE + ": not found on the class path");
    }
    return parse(DEFAULT_RESOURCE, in);
  }

  /**
   * Parses a declaration; {@code source} names it in error messages.
   *
   * @throws PermissionTableFormatException naming the source and entry of the first problem found
   */
  public static ProviderSupply parse(String source, InputStream in) {
    JsonNode root;
    try (in) {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new PermissionTableFormatException(source + ": unreadable JSON: " + e.getMessage(), e);
    }
    JsonNode entries = root == null ? null : root.get("supply");
    if (entries == null || !entries.isArray()) {
      throw new PermissionTableFormatException(source + ": 'supply' must be an array");
    }
    Map<AgencyType, Map<String, Set<String>>> fields = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String where = source + " entry #" + (i + 1);
      for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!ENTRY_KEYS.contains(key)) {
          throw new PermissionTableFormatException(where + ": unknown key '" + key + "'");
        }
      }
      AgencyType type;
      try {
        type = AgencyType.valueOf(entry.path("providerType").asText(""));
      } catch (IllegalArgumentException e) {
        throw new PermissionTableFormatException(
            where + ": unknown providerType '" + entry.path("providerType").asText("") + "'", e);
      }
      String item = entry.path("item").asText("");
      JsonNode codes = entry.get("fields");
      if (item.isBlank() || codes == null || !codes.isArray()) {
        throw new PermissionTableFormatException(where + ": needs 'item' and a 'fields' array");
      }
      List<String> list = new ArrayList<>();
      codes.forEach(c -> list.add(c.asText()));
      if (fields
              .computeIfAbsent(type, t -> new LinkedHashMap<>())
              .put(item, new LinkedHashSet<>(list))
          != null) {
        throw new PermissionTableFormatException(
            where + ": " + type + " " + item + " is declared twice");
      }
    }
    return new ProviderSupply(fields);
  }

  /**
   * The fields {@code providerType} can supply for {@code item}; empty if it declared nothing for
   * the item.
   */
  public Optional<Set<String>> fields(AgencyType providerType, String item) {
    return Optional.ofNullable(fields.getOrDefault(providerType, Map.of()).get(item));
  }
}
