package jp.linkage.hub.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.linkage.hub.layout.api.ItemRef;

/** All data standard layouts (データ標準レイアウト), by item and edition. */
public final class LayoutCatalog {

  /** Class-path folder holding {@code index.json} and {@code <item>/<edition>.json}. */
  public static final String DEFAULT_DIRECTORY = "layouts";

  private final Map<String, Map<String, Layout>> byItem = new LinkedHashMap<>();

  /**
   * @param layouts the layouts; at most one per (item, edition)
   */
  public LayoutCatalog(Collection<Layout> layouts) {
    for (Layout layout : layouts) {
      Layout earlier =
          byItem
              .computeIfAbsent(layout.item(), i -> new LinkedHashMap<>())
              .put(layout.edition(), layout);
      if (earlier != null) {
        throw new LayoutFormatException(
            "layout " + layout.item() + " edition " + layout.edition() + " is defined twice");
      }
    }
  }

  /** Loads every layout listed in {@code layouts/index.json} on the class path. */
  public static LayoutCatalog loadFromClasspath() {
    return LayoutLoader.fromClasspath(DEFAULT_DIRECTORY);
  }

  /** Item codes, in index order. */
  public Set<String> items() {
    return byItem.keySet();
  }

  /** Whether any edition of {@code item} exists. */
  public boolean hasItem(String item) {
    return byItem.containsKey(item);
  }

  /** Editions of {@code item}, oldest first (by validFrom); empty for an unknown item. */
  public List<Layout> editions(String item) {
    List<Layout> editions = new ArrayList<>(byItem.getOrDefault(item, Map.of()).values());
    editions.sort(Comparator.comparing(Layout::validFrom));
    return editions;
  }

  /** The newest edition of {@code item}, if the item exists. */
  public Optional<Layout> latest(String item) {
    List<Layout> editions = editions(item);
    return editions.isEmpty() ? Optional.empty() : Optional.of(editions.get(editions.size() - 1));
  }

  /** The layout of {@code ref} (item and edition), if it exists. */
  public Optional<Layout> find(ItemRef ref) {
    return Optional.ofNullable(byItem.getOrDefault(ref.code(), Map.of()).get(ref.edition()));
  }

  /**
   * The layout of {@code ref} (item and edition).
   *
   * @throws UnknownLayoutException naming the item, or the edition and the editions that do exist
   */
  public Layout layout(ItemRef ref) {
    if (!hasItem(ref.code())) {
      throw new UnknownLayoutException(
          "no data standard layout for item '" + ref.code() + "'; known items: " + items());
    }
    return find(ref)
        .orElseThrow(
            () ->
                new UnknownLayoutException(
                    "item '"
                        + ref.code()
                        + "' has no layout edition '"
                        + ref.edition()
                        + "'; known editions: "
                        + byItem.get(ref.code()).keySet()));
  }
}
