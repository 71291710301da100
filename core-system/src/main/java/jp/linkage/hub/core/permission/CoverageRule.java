package jp.linkage.hub.core.permission;

/**
 * What a {@link CoverageFinding} found wrong between a permission row, the layouts and the provider
 * supply.
 */
public enum CoverageRule {
  /** The row names an information item that no data standard layout defines. */
  UNKNOWN_ITEM,
  /** On the row's first usable day no edition of the item's layout is in force yet. */
  NO_EDITION_IN_FORCE,
  /**
   * The row needs a field that a layout edition in force while the row is usable does not define
   * (case 4).
   */
  FIELD_NOT_DEFINED,
  /** The provider type has declared nothing it can supply for the item. */
  PROVIDER_NOT_DECLARED,
  /**
   * The layout edition requires a field the provider type cannot supply: its answers would be
   * refused.
   */
  REQUIRED_NOT_SUPPLIED,
  /** The row needs a field the provider type cannot supply. */
  NEEDED_NOT_SUPPLIED
}
