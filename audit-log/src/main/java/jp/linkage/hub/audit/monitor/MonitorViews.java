package jp.linkage.hub.audit.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The records the monitoring views show. None carries a symbol, a My Number or a payload. */
public final class MonitorViews {
  private MonitorViews() {}

  /**
   * Totals of a period.
   *
   * @param pending authorised, not answered yet
   * @param answerP50Millis median time from request to answer at the hub, null when nothing was
   *     answered
   * @param oldestPendingRequestedAt when the oldest still-pending linkage of the period was
   *     requested
   */
  public record Overview(
      Instant from,
      Instant to,
      long requested,
      long answered,
      long pending,
      long denied,
      Map<String, Long> outcomes,
      Map<String, Long> denialReasons,
      long rejectedMessages,
      long replicaAlerts,
      Double answerP50Millis,
      Double answerP99Millis,
      Instant oldestPendingRequestedAt) {
    public Overview {
      outcomes = Map.copyOf(outcomes);
      denialReasons = Map.copyOf(denialReasons);
    }
  }

  /** Who asked whom for what, how often, and how it ended. */
  public record Flow(
      String querier,
      String provider,
      String procedure,
      String item,
      long requested,
      long answered,
      long denied,
      long pending) {}

  /** Rejected messages (invariant 6) grouped by sender, field and rule, with the latest message. */
  public record RejectionGroup(
      String sender, String field, String rule, long count, Instant last, String latestMessage) {}

  /**
   * The agencies' replica alerts reported to the hub, per agency, item and kind (no person: the
   * reports name none).
   *
   * @param earliestDeadline the earliest registration deadline among them (null for
   *     MANUAL_HANDLING)
   */
  public record ReplicaAlertGroup(
      String agency,
      String item,
      String kind,
      long count,
      Instant earliestDeadline,
      Instant lastRaised,
      String latestDetail) {}

  /** One provision record (情報提供等記録) as the PPC sees it: everything but the two symbols. */
  public record RecordView(
      String linkageId,
      String querier,
      String provider,
      String procedure,
      String item,
      String status,
      String reason,
      String tableVersion,
      String rowId,
      Instant requestedAt,
      Instant answeredAt,
      String outcome,
      String payloadDigest) {}

  /** The provision-records hash chain, verified from genesis to head. */
  public record ChainStatus(
      String chain, long entries, boolean intact, String firstBreak, Instant checkedAt) {}

  /**
   * A period's findings, by rule, then most matches first; with the thresholds they were found
   * with.
   *
   * @param officeHours e.g. {@code 07:00–22:00 Asia/Tokyo}
   */
  public record Findings(
      Instant from,
      Instant to,
      int repeatedPersonThreshold,
      String officeHours,
      List<Finding> findings) {
    public Findings {
      findings = List.copyOf(findings);
    }
  }
}
