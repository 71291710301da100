package jp.linkage.hub.layout;

/** Whether a change between two layout editions (版) keeps one side of a linkage working. */
public enum Verdict {
  /** Agencies still built for the older edition keep working. */
  COMPATIBLE,
  /**
   * Agencies still built for the older edition fail or misread documents; a planned transition is
   * needed.
   */
  BREAKING
}
