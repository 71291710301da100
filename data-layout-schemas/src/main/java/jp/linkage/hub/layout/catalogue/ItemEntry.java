package jp.linkage.hub.layout.catalogue;

import java.util.List;
import java.util.Optional;
import jp.linkage.hub.layout.Layout;

/**
 * Everything the catalogue shows about one information item (特定個人情報).
 *
 * @param item item code
 * @param editions its layout editions, oldest first; empty when the permission table names an item
 *     no layout defines (the catalogue lists it so that the gap is visible, cf. case 4)
 * @param uses the permission rows naming the item, newest table version first
 */
record ItemEntry(String item, List<Layout> editions, List<Use> uses) {

  /** One row of one permission table version. */
  record Use(ItemUses.Table version, ItemUses.Row row) {}

  ItemEntry {
    editions = List.copyOf(editions);
    uses = List.copyOf(uses);
  }

  /** The newest edition, if the item has a layout. */
  Optional<Layout> latest() {
    return editions.isEmpty() ? Optional.empty() : Optional.of(editions.get(editions.size() - 1));
  }

  /** Japanese name from the newest edition, else the item code. */
  String nameJa() {
    return latest().map(Layout::nameJa).orElse(item);
  }

  /** English name from the newest edition, else a note that no layout defines it. */
  String nameEn() {
    return latest().map(Layout::nameEn).orElse("(no data standard layout defines this item)");
  }
}
