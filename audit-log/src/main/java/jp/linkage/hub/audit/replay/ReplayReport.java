package jp.linkage.hub.audit.replay;

import java.io.PrintWriter;
import java.util.List;
import jp.linkage.hub.audit.verify.EveryChain;
import jp.linkage.hub.chain.ChainVerifier;

/**
 * What replaying the event store into a fresh database showed.
 *
 * @param eventsRead events in the store
 * @param eventsReplayed events the live projection had processed, replayed into the fresh database
 * @param eventsNotYetLive later events the live projection had not processed yet (not compared)
 * @param rows provision record rows re-derived
 * @param chainEntries provision-records chain entries re-derived
 * @param liveChain verification of the live chain
 * @param replayedChain verification of the re-derived chain
 * @param differences every difference between live and re-derived rows and chain
 */
public record ReplayReport(
    long eventsRead,
    long eventsReplayed,
    long eventsNotYetLive,
    int rows,
    int chainEntries,
    ChainVerifier.Result liveChain,
    ChainVerifier.Result replayedChain,
    List<String> differences) {
  private static final int MAX_LISTED = 50;

  public ReplayReport {
    differences = List.copyOf(differences);
  }

  /** True when the replay re-derived exactly the live rows and chain, and both chains verify. */
  public boolean identical() {
    return differences.isEmpty() && liveChain.intact() && replayedChain.intact();
  }

  /**
   * The summary {@code hub audit replay} prints: counts, both chains, the first differences, the
   * verdict.
   */
  public void print(PrintWriter out) {
    out.printf("  events in the store:              %d%n", eventsRead);
    out.printf("  replayed (processed live):        %d%n", eventsReplayed);
    out.printf("  not yet processed live:           %d (not compared)%n", eventsNotYetLive);
    out.printf("  provision records re-derived:     %d%n", rows);
    out.printf("  chain entries re-derived:         %d%n", chainEntries);
    out.println("  live chain:                       " + EveryChain.describe(liveChain));
    out.println("  re-derived chain:                 " + EveryChain.describe(replayedChain));
    out.printf("  differences:                      %d%n", differences.size());
    differences.stream().limit(MAX_LISTED).forEach(d -> out.println("    " + d));
    if (differences.size() > MAX_LISTED) {
      out.println("    ... " + (differences.size() - MAX_LISTED) + " more");
    }
    out.println(
        identical()
            ? "IDENTICAL: the live provision records and their hash chain are exactly what the event log derives."
            : "DIFFERENT: the live provision records are not what the event log derives.");
  }
}
