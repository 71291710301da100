package jp.linkage.hub.launcher;

import java.util.List;
import java.util.Map;
import jp.linkage.hub.server.QueryResult;

/**
 * What the demo scenario did, for printing and for tests to assert on.
 *
 * @param symbolsIssued symbols issued per agency
 * @param queries each query by label, in the order sent
 * @param hubRecords provision records at the hub
 * @param agencyRecords provision records per agency
 * @param accessLogIntact whether every agency's access-log chain verified
 * @param rejection the rejection that came back for the deliberately malformed message
 */
public record DemoReport(
    Map<String, Integer> symbolsIssued,
    List<Labelled> queries,
    long hubRecords,
    Map<String, Integer> agencyRecords,
    boolean accessLogIntact,
    String rejection) {

  /** One query of the scenario and what came of it. */
  public record Labelled(String label, String querier, QueryResult result) {}
}
