package jp.linkage.hub.layout.catalogue;

import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;

/**
 * Where each thing lives in the site: page paths and fragment ids, in one place so links cannot
 * drift.
 */
final class Links {
  private Links() {}

  /** Path of an item's page from the site root, e.g. {@code items/local-tax-info.html}. */
  static String itemPage(String item) {
    return "items/" + Html.slug(item) + ".html";
  }

  /** Fragment id of an edition's section on the item page. */
  static String editionId(String edition) {
    return "e-" + Html.slug(edition);
  }

  /** Fragment id of a field's row in one edition's fields table. */
  static String fieldId(String edition, String field) {
    return "f-" + Html.slug(edition) + "-" + Html.slug(field);
  }

  /** Fragment id of a permission row (one table version's row) on the item page. */
  static String rowId(String tableVersion, String rowId) {
    return "r-" + Html.slug(tableVersion) + "-" + Html.slug(rowId);
  }

  /**
   * Path of an edition's JSON Schema from the site root (the same path as in the published specs).
   */
  static String schema(ItemRef ref) {
    return LayoutJsonSchema.path(ref);
  }
}
