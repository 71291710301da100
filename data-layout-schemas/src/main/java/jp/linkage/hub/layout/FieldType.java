package jp.linkage.hub.layout;

/** Type of a layout field (データ項目の型) and the JSON value it takes in a document. */
public enum FieldType {
  /** A JSON string, optionally limited by {@code maxLength} (in characters) and {@code pattern}. */
  STRING,
  /** A JSON integral number that fits in a Java {@code long}, e.g. an amount in yen. */
  INTEGER,
  /** A JSON string holding an ISO date {@code yyyy-MM-dd}, e.g. {@code 2026-04-01}. */
  DATE,
  /** A JSON {@code true} or {@code false}. */
  BOOLEAN,
  /** A JSON string that must be one of the field's code values (コード値). */
  CODE
}
