package jp.linkage.hub.audit.replay;

/**
 * The auditor's re-judgement of one recorded decision (照会の許否の再判定).
 *
 * @param linkageId the linkage whose decision was re-judged
 * @param kind whether the decision agrees, disagrees, or was not the permission table's
 * @param recorded the decision in the event log, e.g. {@code ALLOWED 2026-04 B2-48-1}
 * @param rejudged the decision re-derived from the logged table and agency types; for a decision
 *     that was not the table's, why it cannot be re-judged from the table
 */
public record Verdict(String linkageId, Kind kind, String recorded, String rejudged) {

  /** Outcome of comparing a recorded decision with its re-judgement. */
  public enum Kind {
    /**
     * The logged table and agency types give exactly the recorded decision (version, row, reason).
     */
    AGREES,
    /**
     * They give a different decision: the hub did not judge by its own table, or the log was
     * altered.
     */
    DISAGREES,
    /** Denied before or after the table was consulted (unknown agency, rejected symbol). */
    NOT_TABLE_DECISION
  }
}
