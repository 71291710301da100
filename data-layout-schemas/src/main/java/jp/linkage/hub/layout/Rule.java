package jp.linkage.hub.layout;

/**
 * The layout rule a document broke; together with the field path it tells the sender what to fix.
 */
public enum Rule {
  /** A required field is absent, {@code null} or an empty string. */
  REQUIRED,
  /** The value has the wrong JSON type, or a DATE is not a valid {@code yyyy-MM-dd} date. */
  TYPE,
  /** A STRING is longer than the field's {@code maxLength}. */
  MAX_LENGTH,
  /** A STRING does not match the field's {@code pattern}. */
  PATTERN,
  /** A CODE value is not in the field's code list. */
  CODE_LIST,
  /** The document carries a field the layout does not define. */
  UNKNOWN_FIELD,
  /** No layout exists for the information item. */
  UNKNOWN_ITEM,
  /** The item exists but not in the requested edition. */
  UNKNOWN_EDITION
}
