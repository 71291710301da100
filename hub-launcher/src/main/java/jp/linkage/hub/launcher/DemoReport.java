package jp.linkage.hub.launcher;

import java.util.List;
import java.util.Map;
import jp.linkage.hub.server.api.QueryResult;

/**
 * What the demo scenario did, for printing and for tests to assert on.
 *
 * @param symbolsIssued symbols issued per agency
 * @param queries each query by label, in the order sent
 * @param hubRecords provision records at the hub
 * @param agencyRecords provision records per agency
 * @param accessLogIntact whether every agency's access-log chain verified
 * @param rejection the rejection that came back for the deliberately malformed message
 * @param staleReplica case 5: a query made while the provider's replica lagged behind its master
 * @param overdueReplica case 5 gone wrong: a change noticed, never registered, reported to the PPC
 */
public record DemoReport(
    Map<String, Integer> symbolsIssued,
    List<Labelled> queries,
    long hubRecords,
    Map<String, Integer> agencyRecords,
    boolean accessLogIntact,
    String rejection,
    StaleReplica staleReplica,
    OverdueReplica overdueReplica) {

  /**
   * The insurer was told of a change ({@code masterChangedAt}) that never reached its replica; past
   * {@code deadline} its intermediate server raised an OVERDUE alert and reported it to the hub,
   * where the PPC's monitoring views show it ({@code reportedToHub}: the core recorded it).
   */
  public record OverdueReplica(
      String agency,
      String item,
      String localId,
      java.time.Instant masterChangedAt,
      java.time.Instant deadline,
      boolean reportedToHub) {}

  /**
   * Case 5: the insurer's master changed ({@code masterChangedAt}, a change notice with {@code
   * deadline}); Chiyoda's query arrived before the replica caught up and was held ({@code held})
   * until the registration, then answered ({@code query}).
   */
  public record StaleReplica(
      java.time.Instant masterChangedAt,
      java.time.Instant deadline,
      boolean held,
      Labelled query) {}

  /** One query of the scenario and what came of it. */
  public record Labelled(String label, String querier, QueryResult result) {}
}
