package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;
import static jp.linkage.hub.launcher.DemoPeople.OSAKA;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.api.UnknownPersonException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo: symbols for every agency's persons, replicas registered, permitted queries answered
 * from the provider's replica, one query the permission table denies, one malformed message
 * rejected back to its sender, and case 5 (a query while the provider's replica lags its master).
 */
public final class DemoScenario {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> AGENCIES = List.of(CHIYODA, OSAKA, INSURER, NENKIN);
  private static final ItemRef RESIDENT = new ItemRef("resident-registry-info", EDITION);
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", EDITION);
  private static final ItemRef ELIGIBILITY = new ItemRef("medical-insurance-eligibility", EDITION);

  private final Hub hub;
  private final IntermediateServer server;

  public DemoScenario(Hub hub) {
    this.hub = hub;
    this.server = hub.server();
  }

  /**
   * Runs the scenario on the started hub and reports what happened.
   *
   * @throws DemoFailedException when an outcome did not arrive in time or the hub refused a step of
   *     the scenario
   */
  public DemoReport run() throws SQLException, InterruptedException, DemoFailedException {
    List<Person> people = hub.registry().persons();
    Map<String, Integer> symbols = acquireSymbols(people);
    registerReplicas(people);

    List<DemoReport.Labelled> sent = new ArrayList<>();
    int osakaResident =
        firstIndex(people, i -> DemoPeople.municipalityOf(people.get(i)).equals(OSAKA));
    for (int i : new int[] {0, 1, osakaResident}) {
      Person p = people.get(i);
      String provider = DemoPeople.municipalityOf(p);
      sent.add(
          send(
              "pension asks " + provider + " for local tax",
              NENKIN,
              new Query(local(NENKIN, i), "pension-benefit-eligibility", provider, LOCAL_TAX)));
    }
    int insured =
        firstIndex(
            people, i -> i % 2 == 0 && DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA));
    sent.add(
        send(
            "Chiyoda asks the insurer for eligibility",
            CHIYODA,
            new Query(local(CHIYODA, insured), "nhi-eligibility", INSURER, ELIGIBILITY)));
    int last = people.size() - 1; // registered nowhere: the provider answers NO_RECORD
    String lastMuni = DemoPeople.municipalityOf(people.get(last));
    sent.add(
        send(
            "pension asks " + lastMuni + " about a person without a tax record",
            NENKIN,
            new Query(local(NENKIN, last), "pension-benefit-eligibility", lastMuni, LOCAL_TAX)));
    sent.add(
        send(
            "insurer asks Chiyoda for local tax (not permitted)",
            INSURER,
            new Query(local(INSURER, insured), "pension-benefit-eligibility", CHIYODA, LOCAL_TAX)));
    String rejection = sendMalformed();

    List<DemoReport.Labelled> done = new ArrayList<>();
    for (DemoReport.Labelled q : sent) {
      Await.until(
          "the result of \"" + q.label() + "\"",
          TIMEOUT,
          () ->
              server
                  .result(q.querier(), q.result().linkageId())
                  .map(QueryResult::isFinal)
                  .orElse(false));
      done.add(
          new DemoReport.Labelled(
              q.label(),
              q.querier(),
              server.result(q.querier(), q.result().linkageId()).orElseThrow()));
    }
    List<String> linkageIds = sent.stream().map(q -> q.result().linkageId()).toList();
    Await.until(
        "the hub's provision records", TIMEOUT, () -> hubRecordsSettled(linkageIds) == sent.size());
    Map<String, Integer> agencyRecords = new LinkedHashMap<>();
    boolean intact = true;
    for (String agency : AGENCIES) {
      agencyRecords.put(
          agency,
          (int)
              server.provisionRecords(agency).stream()
                  .filter(r -> linkageIds.contains(r.linkageId()))
                  .count());
      intact &= server.verifyAccessLog(agency).intact();
    }
    DemoReport.StaleReplica stale = staleReplica(people);
    DemoReport.OverdueReplica overdue = overdueReplica();
    return new DemoReport(
        symbols,
        done,
        hubRecordsSettled(linkageIds),
        agencyRecords,
        intact,
        rejection,
        stale,
        overdue);
  }

  /**
   * Case 5 of the 2017 audit: an insured Chiyoda resident leaves the health insurance society; its
   * back-office sends a change notice at once, the replica update follows later (deadline: second
   * business day before opening). Chiyoda's NHI asks the society in between: the shipped policy
   * holds nhi-eligibility answers while a change is pending, so the answer comes after the
   * registration and says the person left, instead of "still insured" from the stale replica.
   */
  private DemoReport.StaleReplica staleReplica(List<Person> people)
      throws SQLException, InterruptedException, DemoFailedException {
    int person = secondInsuredChiyodaResident(people);
    String atInsurer = local(INSURER, person);
    String item = ELIGIBILITY.code();
    Instant left = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    NoticeReceipt notice = noticeChange(item, atInsurer, left);
    int heldBefore = server.heldAnswers(INSURER);
    DemoReport.Labelled q =
        send(
            "Chiyoda asks the insurer for eligibility while the insurer's change is pending",
            CHIYODA,
            new Query(local(CHIYODA, person), "nhi-eligibility", INSURER, ELIGIBILITY));
    Await.until(
        "the insurer to hold the answer",
        TIMEOUT,
        () ->
            server.heldAnswers(INSURER) > heldBefore
                || server
                    .result(CHIYODA, q.result().linkageId())
                    .map(QueryResult::isFinal)
                    .orElse(false));
    boolean held =
        !server.result(CHIYODA, q.result().linkageId()).map(QueryResult::isFinal).orElse(false);
    String leftOn =
        left.atZone(jp.linkage.hub.calendar.BusinessCalendar.TOKYO).toLocalDate().toString();
    registerReplica(
        new ReplicaUpdate(
            INSURER,
            ELIGIBILITY,
            atInsurer,
            DemoPeople.eligibility(person).put("disqualificationDate", leftOn),
            left));
    Await.until(
        "the result of \"" + q.label() + "\"",
        TIMEOUT,
        () ->
            server.result(CHIYODA, q.result().linkageId()).map(QueryResult::isFinal).orElse(false));
    return new DemoReport.StaleReplica(
        left,
        notice.deadline(),
        held,
        new DemoReport.Labelled(
            q.label(), CHIYODA, server.result(CHIYODA, q.result().linkageId()).orElseThrow()));
  }

  /**
   * Case 5 gone wrong: a member left the insurer ten days ago, its back-office sent the change
   * notice, but the replica update never came. The insurer's intermediate server raises an OVERDUE
   * alert and reports it to the hub without the person; the PPC sees it on the monitoring pages.
   * The member is one the demo's queries never touch (no symbol), so nothing else waits on the
   * pending change.
   */
  private DemoReport.OverdueReplica overdueReplica()
      throws SQLException, InterruptedException, DemoFailedException {
    String item = "medical-insurance-eligibility";
    String localId = "H-left-" + UUID.randomUUID().toString().substring(0, 8);
    Instant left = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);
    NoticeReceipt notice = noticeChange(item, localId, left);
    Await.until(
        "the insurer's overdue alert",
        TIMEOUT,
        () ->
            server.alerts(INSURER, 0, 10_000).stream()
                .anyMatch(
                    a -> a.localId().equals(localId) && a.kind().equals(ReplicaAlert.OVERDUE)));
    long alertId =
        server.alerts(INSURER, 0, 10_000).stream()
            .filter(a -> a.localId().equals(localId) && a.kind().equals(ReplicaAlert.OVERDUE))
            .findFirst()
            .orElseThrow()
            .id();
    javax.sql.DataSource core = hub.infra().dataSource(Hub.CORE_DATABASE);
    Await.until(
        "the hub to record the insurer's report",
        TIMEOUT,
        () -> {
          try (Connection c = core.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT 1 FROM core_replica_alert WHERE agency = ? AND alert_id = ?")) {
            ps.setString(1, INSURER);
            ps.setLong(2, alertId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
    return new DemoReport.OverdueReplica(INSURER, item, localId, left, notice.deadline(), true);
  }

  /** An insured Chiyoda resident other than the one the main queries use. */
  static int secondInsuredChiyodaResident(List<Person> people) {
    int seen = 0;
    for (int i = 0; i < people.size() - 1; i++) {
      if (DemoPeople.insured(i)
          && DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA)
          && seen++ == 1) {
        return i;
      }
    }
    throw new IllegalStateException(
        "the synthetic population has no second insured Chiyoda resident");
  }

  /**
   * Every agency asks the registry for the symbols of the persons it knows, then waits for them.
   */
  private Map<String, Integer> acquireSymbols(List<Person> people)
      throws SQLException, InterruptedException, DemoFailedException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String agency : AGENCIES) {
      int n = 0;
      for (int i = 0; i < people.size(); i++) {
        Optional<String> id = DemoPeople.localId(agency, i, people.get(i));
        if (id.isPresent()) {
          server.requestSymbol(agency, id.get(), people.get(i).myNumber());
          n++;
        }
      }
      counts.put(agency, n);
    }
    for (String agency : AGENCIES) {
      for (int i = 0; i < people.size(); i++) {
        Optional<String> id = DemoPeople.localId(agency, i, people.get(i));
        if (id.isPresent()) {
          Await.until(
              "the symbol of " + agency + "/" + id.get(),
              TIMEOUT,
              () -> server.hasSymbol(agency, id.get()));
        }
      }
    }
    return counts;
  }

  private void registerReplicas(List<Person> people) throws SQLException, DemoFailedException {
    Instant changed =
        Instant.now(); // the masters changed just now: every registration is within its window
    for (int i = 0; i < people.size() - 1; i++) { // the last person has no tax record anywhere
      Person p = people.get(i);
      String muni = DemoPeople.municipalityOf(p);
      String id = local(muni, i);
      registerReplica(new ReplicaUpdate(muni, RESIDENT, id, DemoPeople.residentRecord(p), changed));
      registerReplica(new ReplicaUpdate(muni, LOCAL_TAX, id, DemoPeople.localTax(i, p), changed));
      Optional<String> insured = DemoPeople.localId(INSURER, i, p);
      if (insured.isPresent()) {
        registerReplica(
            new ReplicaUpdate(
                INSURER, ELIGIBILITY, insured.get(), DemoPeople.eligibility(i), changed));
      }
    }
  }

  private void registerReplica(ReplicaUpdate update) throws SQLException, DemoFailedException {
    try {
      server.registerReplica(update);
    } catch (ReplicaRejectedException e) {
      throw new DemoFailedException(
          "the replica "
              + update.item().code()
              + " of "
              + update.agency()
              + "/"
              + update.localId()
              + " was rejected",
          e);
    }
  }

  private NoticeReceipt noticeChange(String item, String localId, Instant changed)
      throws SQLException, DemoFailedException {
    try {
      return server.noticeChange(new ChangeNotice(INSURER, item, localId, changed));
    } catch (ReplicaRejectedException e) {
      throw new DemoFailedException(
          "the change notice " + item + " of " + INSURER + "/" + localId + " was rejected", e);
    }
  }

  private DemoReport.Labelled send(String label, String querier, Query query)
      throws SQLException, DemoFailedException {
    String linkageId;
    try {
      linkageId = server.query(querier, query);
    } catch (UnknownPersonException e) {
      throw new DemoFailedException("\"" + label + "\" could not be sent", e);
    }
    return new DemoReport.Labelled(
        label,
        querier,
        new QueryResult(
            linkageId,
            query.localId(),
            query.procedure(),
            query.provider(),
            query.item().code(),
            "SENT",
            null,
            null,
            null));
  }

  /** A back-office bug: a query without the required symbol, sent straight to the topic. */
  private String sendMalformed() throws SQLException, InterruptedException, DemoFailedException {
    String id = "malformed-" + System.nanoTime();
    String value =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/agencies/"
            + NENKIN
            + "\","
            + "\"type\":\"jp.ipn.linkage.query-requested\",\"time\":\""
            + Instant.now()
            + "\","
            + "\"correlationid\":\""
            + id
            + "\",\"schemaversion\":\"1\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"procedure\":\"pension-benefit-eligibility\",\"provider\":\""
            + CHIYODA
            + "\","
            + "\"item\":\"local-tax-info\",\"layoutEdition\":\""
            + EDITION
            + "\"}}";
    try (Producer<String, byte[]> p =
        new KafkaProducer<>(
            KafkaSettings.producer(hub.infra().kafkaBootstrapServers(), "demo-backoffice-bug"))) {
      p.send(
              new ProducerRecord<>(
                  TopicLayout.toHub(NENKIN), id, value.getBytes(StandardCharsets.UTF_8)))
          .get();
    } catch (ExecutionException e) {
      throw new DemoFailedException("Kafka did not take the malformed message", e);
    }
    String[] found = new String[1];
    Await.until(
        "the rejection of the malformed message",
        TIMEOUT,
        () -> {
          found[0] = rejectionOf(id);
          return found[0] != null;
        });
    return found[0];
  }

  private String rejectionOf(String messageId) throws SQLException {
    try (Connection c = hub.infra().dataSource(Hub.SERVER_DATABASE).getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT field, rule, message FROM is_rejection WHERE message_id = '"
                    + messageId.replace("'", "")
                    + "'")) {
      return rs.next() ? rs.getString(1) + " / " + rs.getString(2) + ": " + rs.getString(3) : null;
    }
  }

  /** How many of this run's linkages have a completed provision record at the hub. */
  private long hubRecordsSettled(List<String> linkageIds) throws SQLException {
    try (Connection c = hub.infra().dataSource(Hub.CORE_DATABASE).getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM core_provision_record"
                    + " WHERE status IN ('ANSWERED', 'DENIED') AND linkage_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", linkageIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String local(String agency, int i) {
    return DemoPeople.idFor(agency, i);
  }

  private static int firstIndex(List<Person> people, java.util.function.IntPredicate test) {
    for (int i = 0; i < people.size(); i++) {
      if (test.test(i)) {
        return i;
      }
    }
    throw new IllegalStateException("the synthetic population has no person for this demo step");
  }
}
