package jp.linkage.hub.audit.replay;

import java.util.List;
import jp.linkage.hub.audit.ChainVerifier;

/**
 * What replaying the event store into a fresh database showed.
 *
 * @param eventsRead         events in the store
 * @param eventsReplayed     events the live projection had processed, replayed into the fresh database
 * @param eventsNotYetLive   later events the live projection had not processed yet (not compared)
 * @param rows               provision record rows re-derived
 * @param chainEntries       provision-records chain entries re-derived
 * @param liveChain          verification of the live chain
 * @param replayedChain      verification of the re-derived chain
 * @param differences        every difference between live and re-derived rows and chain
 */
public record ReplayReport(long eventsRead, long eventsReplayed, long eventsNotYetLive, int rows,
    int chainEntries, ChainVerifier.Result liveChain, ChainVerifier.Result replayedChain,
    List<String> differences) {

  public ReplayReport {
    differences = List.copyOf(differences);
  }

  /** True when the replay re-derived exactly the live rows and chain, and both chains verify. */
  public boolean identical() {
    return differences.isEmpty() && liveChain.intact() && replayedChain.intact();
  }
}
