package jp.linkage.hub.launcher;

import java.io.PrintStream;
import java.util.Map;
import jp.linkage.hub.server.api.QueryResult;

/** Prints the demo report as a readable summary. */
final class DemoPrinter {
  private DemoPrinter() {}

  static void print(DemoReport r, PrintStream out) {
    out.println();
    out.println("== Information linkage demo (情報連携デモ) ==");
    out.println("Symbols issued (機関別符号), per agency:");
    r.symbolsIssued().forEach((a, n) -> out.printf("  %-20s %3d%n", a, n));
    out.println();
    out.println("Queries (情報照会):");
    for (DemoReport.Labelled q : r.queries()) {
      printQuery(q, out);
    }
    out.println();
    out.println("Malformed message rejected back to its sender: " + r.rejection());
    out.println();
    DemoReport.StaleReplica s = r.staleReplica();
    out.println(
        "Case 5, stale replica (副本の鮮度): the insurer's master changed at "
            + s.masterChangedAt()
            + "; change notice sent, replica due by "
            + s.deadline());
    out.println("  the answer was " + (s.held() ? "held until the replica caught up" : "NOT held"));
    printQuery(s.query(), out);
    DemoReport.OverdueReplica o = r.overdueReplica();
    out.println(
        "Case 5 gone wrong: "
            + o.agency()
            + " was told of a change of "
            + o.item()
            + " (local id "
            + o.localId()
            + ", "
            + o.masterChangedAt()
            + ") that never reached its replica, due by "
            + o.deadline());
    out.println(
        "  OVERDUE alert raised and "
            + (o.reportedToHub()
                ? "reported to the hub without the person:"
                    + " the PPC sees it on the monitoring pages (--serve)"
                : "NOT reported to the hub"));
    out.println();
    out.println("Provision records (情報提供等記録): hub " + r.hubRecords());
    for (Map.Entry<String, Integer> e : r.agencyRecords().entrySet()) {
      out.printf("  %-20s %3d%n", e.getKey(), e.getValue());
    }
    out.println("Access-log hash chains intact: " + r.accessLogIntact());
  }

  private static void printQuery(DemoReport.Labelled q, PrintStream out) {
    QueryResult res = q.result();
    out.printf("  - %s%n", q.label());
    out.printf(
        "      querier %s (local id %s) -> provider %s, item %s, procedure %s%n",
        q.querier(), res.localId(), res.provider(), res.item(), res.procedure());
    out.printf(
        "      status %s%s%n",
        res.status(), res.outcome() == null ? "" : ", outcome " + res.outcome());
    if (res.answer() != null) {
      out.printf(
          "      answer (edition %s, as of %s, %s): %s%n",
          res.answer().path("edition").asText(),
          res.answer().path("asOf").asText(),
          res.answer().at("/freshness/status").asText(),
          res.answer().path("data"));
    }
    if (res.detail() != null) {
      out.printf("      reason: %s%n", res.detail());
    }
  }
}
