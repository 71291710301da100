package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.ReplicaUpdate;

/**
 * The population and query mix of the crash tests: symbols for every agency, replicas at the
 * municipalities and the insurer, and a list of queries with the result each must end in. 7 in 10
 * queries are the pension organisation asking a municipality for local tax, 2 in 10 Chiyoda asking
 * the insurer for eligibility, 1 in 10 the insurer asking for local tax (denied by the table).
 */
final class CrashLoad {
  static final List<String> AGENCIES = List.of(CHIYODA, DemoPeople.OSAKA, INSURER, NENKIN);

  /** One query to send, and what it must end as: ANSWERED with {@code outcome}, or DENIED. */
  record Planned(
      String querier,
      String localId,
      String procedure,
      String provider,
      String item,
      String status,
      String outcome) {
    Query query() {
      return new Query(localId, procedure, provider, new ItemRef(item, EDITION));
    }
  }

  private CrashLoad() {}

  /** Asks for every agency's symbols; returns (agency, local id) of each request. */
  static List<String[]> requestSymbols(IntermediateServer server, List<Person> people)
      throws Exception {
    List<String[]> requested = new ArrayList<>();
    for (String agency : AGENCIES) {
      for (int i = 0; i < people.size(); i++) {
        Optional<String> id = DemoPeople.localId(agency, i, people.get(i));
        if (id.isPresent()) {
          server.requestSymbol(agency, id.get(), people.get(i).myNumber());
          requested.add(new String[] {agency, id.get()});
        }
      }
    }
    return requested;
  }

  /**
   * Symbols for every agency's persons (awaited) and their replicas, as before a crash test's
   * stream.
   */
  static void prepare(IntermediateServer server, List<Person> people, CrashLedger ledger)
      throws Exception {
    ledger.awaitSymbols(requestSymbols(server, people).size());
    registerReplicas(server, people);
  }

  /** Replicas for everybody but the last person, who has no record anywhere (NO_RECORD). */
  static void registerReplicas(IntermediateServer server, List<Person> people) throws Exception {
    Instant changed = Instant.now(); // within every window: no late-registration alerts
    for (int i = 0; i < people.size() - 1; i++) {
      Person p = people.get(i);
      String muni = DemoPeople.municipalityOf(p);
      String id = DemoPeople.localId(muni, i, p).orElseThrow();
      server.registerReplica(
          new ReplicaUpdate(
              muni,
              new ItemRef("local-tax-info", EDITION),
              id,
              DemoPeople.localTax(i, p),
              changed));
      Optional<String> insured = DemoPeople.localId(INSURER, i, p);
      if (insured.isPresent()) {
        server.registerReplica(
            new ReplicaUpdate(
                INSURER,
                new ItemRef("medical-insurance-eligibility", EDITION),
                insured.get(),
                DemoPeople.eligibility(i),
                changed));
      }
    }
  }

  static List<Planned> plan(List<Person> people, int queries) {
    List<Integer> insured = new ArrayList<>();
    List<Integer> insuredInChiyoda = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      if (DemoPeople.localId(INSURER, i, people.get(i)).isPresent()) {
        insured.add(i);
        if (DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA)) {
          insuredInChiyoda.add(i);
        }
      }
    }
    List<Planned> plan = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      int kind = q % 10;
      if (kind == 9) {
        int i = insured.get(q % insured.size());
        plan.add(
            new Planned(
                INSURER,
                local(INSURER, i, people),
                "pension-benefit-eligibility",
                CHIYODA,
                "local-tax-info",
                "DENIED",
                null));
      } else if (kind == 3 || kind == 6) {
        int i = insuredInChiyoda.get(q % insuredInChiyoda.size());
        plan.add(
            new Planned(
                CHIYODA,
                local(CHIYODA, i, people),
                "nhi-eligibility",
                INSURER,
                "medical-insurance-eligibility",
                "ANSWERED",
                i == people.size() - 1 ? "NO_RECORD" : "PROVIDED"));
      } else {
        int i = q % people.size();
        plan.add(
            new Planned(
                NENKIN,
                local(NENKIN, i, people),
                "pension-benefit-eligibility",
                DemoPeople.municipalityOf(people.get(i)),
                "local-tax-info",
                "ANSWERED",
                i == people.size() - 1 ? "NO_RECORD" : "PROVIDED"));
      }
    }
    return plan;
  }

  static String send(IntermediateServer server, Planned p) throws Exception {
    return server.query(p.querier(), p.query());
  }

  private static String local(String agency, int i, List<Person> people) {
    return DemoPeople.localId(agency, i, people.get(i)).orElseThrow();
  }
}
