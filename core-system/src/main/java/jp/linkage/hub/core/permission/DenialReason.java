package jp.linkage.hub.core.permission;

/** Why the permission table refused a query; the most specific reason found is reported. */
public enum DenialReason {
  /** No version of the table was in force on the query date. */
  NO_TABLE_IN_FORCE,
  /** The procedure (事務) appears in no row of the version in force. */
  UNKNOWN_PROCEDURE,
  /** The procedure exists, but not for this querier type. */
  NO_ROW_FOR_PROCEDURE,
  /** The querier may perform the procedure, but not by asking this provider type. */
  PROVIDER_TYPE_NOT_PERMITTED,
  /** The querier may ask this provider type for the procedure, but not for this item. */
  ITEM_NOT_PERMITTED,
  /** The row exists in the version in force but its own start date has not come yet. */
  ROW_NOT_YET_IN_FORCE
}
