package jp.linkage.hub.audit.replay;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.linkage.hub.audit.replay.Verdict.Kind;
import jp.linkage.hub.core.api.AgencyType;

/**
 * What re-judging the event log found.
 *
 * @param tables every permission table edition in the log: version → SHA-256 of its file ({@code
 *     "-"} when the log has none)
 * @param agencies every agency in the log with the type it had last
 * @param verdicts one per recorded decision, in log order
 */
public record RejudgeReport(
    Map<String, String> tables, Map<String, AgencyType> agencies, List<Verdict> verdicts) {

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

  /**
   * The summary {@code hub audit rejudge} prints: each edition's digest, the agencies, the counts,
   * every decision that is not the table's or disagrees, the verdict.
   */
  public void print(PrintWriter out) {
    out.println("Permission table editions in the log (sha256 of the edition's file):");
    tables.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.println("  " + e.getKey() + "  " + e.getValue()));
    out.println("Agencies in the log: " + new TreeMap<>(agencies));
    out.printf(
        "Decisions: %d agree, %d disagree, %d not table decisions%n",
        of(Kind.AGREES).size(), of(Kind.DISAGREES).size(), of(Kind.NOT_TABLE_DECISION).size());
    for (Verdict v : of(Kind.NOT_TABLE_DECISION)) {
      out.println("  not a table decision: " + v.linkageId() + "  " + v.recorded());
    }
    for (Verdict v : of(Kind.DISAGREES)) {
      out.println(
          "  DISAGREES: "
              + v.linkageId()
              + "  recorded "
              + v.recorded()
              + "  re-judged "
              + v.rejudged());
    }
    out.println(
        allAgree()
            ? "AGREE: every table decision in the log is what the logged table gives."
            : "DISAGREE: the decisions above are not what the logged table gives.");
  }
}
