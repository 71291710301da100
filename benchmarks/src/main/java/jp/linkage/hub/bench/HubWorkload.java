package jp.linkage.hub.bench;

import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jp.linkage.hub.launcher.DemoPeople;
import jp.linkage.hub.launcher.Hub;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.api.UnknownPersonException;

/**
 * The real hub: linkage i is, alternately, the pension organisation asking the person's
 * municipality for local-tax-info, and the municipality asking the insurer for eligibility. A
 * linkage ends when the querier's intermediate server has committed the opened answer.
 */
final class HubWorkload implements Workload {
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", DemoPeople.EDITION);
  private static final ItemRef ELIGIBILITY =
      new ItemRef("medical-insurance-eligibility", DemoPeople.EDITION);

  private final Hub hub;
  private final IntermediateServer server;
  private final List<Person> people;
  private final Consumer<QueryCompletion> listener;
  private volatile BiConsumer<String, Boolean> sink = (id, ok) -> {};

  private HubWorkload(Hub hub) {
    this.hub = hub;
    this.server = hub.server();
    this.people = hub.registry().persons();
    this.listener =
        c ->
            sink.accept(
                c.linkageId(), "ANSWERED".equals(c.status()) && "PROVIDED".equals(c.outcome()));
    server.addCompletionListener(listener);
  }

  /** Acquires every agency's symbols and registers every replica record, as the demo does. */
  static HubWorkload prepare(Hub hub, Duration timeout)
      throws SQLException, InterruptedException, BenchmarkException {
    IntermediateServer server = hub.server();
    List<Person> people = hub.registry().persons();
    List<String[]> wanted = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      String muni = DemoPeople.municipalityOf(p);
      wanted.add(new String[] {NENKIN, DemoPeople.idFor(NENKIN, i), String.valueOf(i)});
      wanted.add(new String[] {muni, DemoPeople.idFor(muni, i), String.valueOf(i)});
      if (DemoPeople.insured(i)) {
        wanted.add(new String[] {INSURER, DemoPeople.idFor(INSURER, i), String.valueOf(i)});
      }
    }
    for (String[] w : wanted) {
      server.requestSymbol(w[0], w[1], people.get(Integer.parseInt(w[2])).myNumber());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String[] w : wanted) {
      while (!server.hasSymbol(w[0], w[1])) {
        if (System.nanoTime() > deadline) {
          throw new BenchmarkException(
              "no symbol for " + w[0] + "/" + w[1] + " after " + timeout, null);
        }
        Thread.sleep(20); // set-up only; not part of any measurement
      }
    }
    Instant changed = Instant.parse("2026-06-01T00:00:00Z");
    try {
      for (int i = 0; i < people.size(); i++) {
        Person p = people.get(i);
        String muni = DemoPeople.municipalityOf(p);
        server.registerReplica(
            new ReplicaUpdate(
                muni, LOCAL_TAX, DemoPeople.idFor(muni, i), DemoPeople.localTax(i, p), changed));
        if (DemoPeople.insured(i)) {
          server.registerReplica(
              new ReplicaUpdate(
                  INSURER,
                  ELIGIBILITY,
                  DemoPeople.idFor(INSURER, i),
                  DemoPeople.eligibility(i),
                  changed));
        }
      }
    } catch (ReplicaRejectedException e) {
      throw new BenchmarkException("a replica of the set-up was rejected", e);
    }
    return new HubWorkload(hub);
  }

  @Override
  public String name() {
    return "hub";
  }

  @Override
  public void onCompletion(BiConsumer<String, Boolean> sink) {
    this.sink = sink;
  }

  @Override
  public String send(int i) throws SQLException, BenchmarkException {
    try {
      return query(i);
    } catch (UnknownPersonException e) {
      throw new BenchmarkException("linkage " + i + " could not be sent", e);
    }
  }

  private String query(int i) throws SQLException, UnknownPersonException {
    int k = i / 2;
    if (i % 2 == 0) {
      int person = k % people.size();
      return server.query(
          NENKIN,
          new Query(
              DemoPeople.idFor(NENKIN, person),
              "pension-benefit-eligibility",
              DemoPeople.municipalityOf(people.get(person)),
              LOCAL_TAX));
    }
    int person = (2 * k) % (people.size() - people.size() % 2); // an insured (even) person
    String muni = DemoPeople.municipalityOf(people.get(person));
    return server.query(
        muni, new Query(DemoPeople.idFor(muni, person), "nhi-eligibility", INSURER, ELIGIBILITY));
  }

  Hub hub() {
    return hub;
  }

  @Override
  public void close() {
    server.removeCompletionListener(listener);
  }
}
