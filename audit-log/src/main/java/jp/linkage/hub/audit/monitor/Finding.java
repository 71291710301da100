package jp.linkage.hub.audit.monitor;

import java.time.Instant;
import java.util.List;

/**
 * One pattern the PPC should look at, aggregated per agency flow (or per agency and item). Names
 * the agencies, procedure and item and a few linkage ids to follow up with the agencies; never a
 * symbol or any personal data.
 *
 * @param count how many provision records match
 * @param detail what matched, in words (e.g. the denial reason, the days and hours)
 * @param linkageIds up to {@link #SAMPLES} of the matching linkages, oldest first
 */
public record Finding(
    Rule rule,
    Severity severity,
    String querier,
    String provider,
    String procedure,
    String item,
    long count,
    Instant first,
    Instant last,
    String detail,
    List<String> linkageIds) {
  public static final int SAMPLES = 10;

  public Finding {
    linkageIds = List.copyOf(linkageIds);
  }

  /** The rules; docs/monitoring.md says why each one matters. */
  public enum Rule {
    /** Queries the permission table did not allow (照会の拒否): attempts without a legal basis. */
    DENIED_QUERIES,
    /** One agency asked about the same person and item again and again (同一人物への反復照会). */
    REPEATED_PERSON,
    /** Queries on a day government offices are closed, or outside office hours (業務時間外の照会). */
    OUTSIDE_OFFICE_HOURS,
    /**
     * A provider's replica missed its registration deadline (登録期限超過): answers from it may be stale
     * (case 5). {@code querier} and {@code procedure} are null; {@code provider} is the agency.
     */
    OVERDUE_REPLICAS
  }

  public enum Severity {
    WARNING,
    NOTICE
  }
}
