package jp.linkage.hub.audit.replay;

import java.util.List;
import java.util.Map;
import jp.linkage.hub.core.permission.AgencyType;

/**
 * What re-judging the event log found.
 *
 * @param tables   every permission table edition in the log: version → SHA-256 of its file
 *                 ({@code "-"} when the log has none)
 * @param agencies every agency in the log with the type it had last
 * @param verdicts one per recorded decision, in log order
 */
public record RejudgeReport(Map<String, String> tables, Map<String, AgencyType> agencies,
    List<Verdict> verdicts) {

  public RejudgeReport {
    tables = Map.copyOf(tables);
    agencies = Map.copyOf(agencies);
    verdicts = List.copyOf(verdicts);
  }

  public List<Verdict> of(Verdict.Kind kind) {
    return verdicts.stream().filter(v -> v.kind() == kind).toList();
  }

  /** True when every table decision agrees with its re-judgement. */
  public boolean allAgree() {
    return of(Verdict.Kind.DISAGREES).isEmpty();
  }
}
