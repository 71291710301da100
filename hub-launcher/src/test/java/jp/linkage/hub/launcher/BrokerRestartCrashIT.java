package jp.linkage.hub.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.linkage.hub.infra.EmbeddedKafka;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5's second half for Kafka: the broker stops (controlled shutdown) in the middle of a
 * stream of queries and comes back on the same address and log directory a few seconds later, while
 * the back-offices keep sending. The core and the intermediate server stay up and must carry on by
 * themselves: every query ends exactly once, with the same ledger checks as the core crash test
 * (one provision record at the hub and at each agency, one event and one message of each kind per
 * linkage, intact chains).
 *
 * <p>Own broker (the shared one serves other tests) and its own databases on the shared PostgreSQL;
 * runs in the {@code crash} failsafe execution.
 */
class BrokerRestartCrashIT {
  private static final int PERSONS = 40;
  private static final int QUERIES = 400;
  private static final int FINAL_BEFORE_STOP = 80;
  private static final Duration PACE = Duration.ofMillis(15);
  private static final Path WORK = Path.of("target", "crash-it", "broker");

  private static EmbeddedKafka kafka;
  private static HubInfrastructure infra;
  private static CrashHub hub;
  private static ServerStack stack;

  @BeforeAll
  static void startHub() throws Exception {
    CrashLedger.deleteRecursively(WORK);
    kafka = EmbeddedKafka.start(WORK.resolve("kafka"), 0);
    infra = CrashHub.onSharedPostgres(kafka.bootstrapServers());
    hub = CrashHub.start(infra, WORK);
    stack = hub.server("broker-restart-intermediate-server", PERSONS);
  }

  @AfterAll
  static void stopHub() {
    if (stack != null) {
      stack.close();
    }
    if (hub != null) {
      hub.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (infra != null) {
      infra.close();
    }
  }

  @Test
  void aBrokerRestartMidStreamLosesNothingAndDoublesNothing() throws Exception {
    IntermediateServer server = stack.server();
    List<Person> people = stack.registry().persons();
    CrashLedger ledger = hub.ledger;
    CrashLoad.prepare(server, people, ledger);
    List<CrashLoad.Planned> plan = CrashLoad.plan(people, QUERIES);

    PacedQueries queries =
        new PacedQueries(
            plan, PACE, p -> CrashLoad.send(server, p)); // a DB write: works with the broker down
    try {
      ledger.awaitFinal(
          FINAL_BEFORE_STOP,
          "at least " + FINAL_BEFORE_STOP + " queries final before the broker stops",
          Duration.ofMinutes(3));
      int port = kafka.port();
      kafka.close();
      int finalAtStop = ledger.finalQueries();
      assertTrue(finalAtStop < QUERIES, "stopped in the middle of the stream");
      await("queries keep arriving while the broker is down")
          .atMost(Duration.ofMinutes(1))
          .until(() -> queries.sent() >= Math.min(QUERIES, finalAtStop + 60));
      long restart = System.nanoTime();
      kafka = EmbeddedKafka.start(WORK.resolve("kafka"), port);
      String[] linkageIds = queries.awaitAllSent(Duration.ofMinutes(3));
      ledger.awaitFinal(QUERIES, "every query final after the restart", Duration.ofMinutes(6));
      long done = System.nanoTime();
      CrashLedger.Outcome outcome = ledger.check(plan, linkageIds, server);
      System.out.printf(
          "broker restart: %d queries, %d final at the stop; restart→all final %d ms; %s%n",
          QUERIES, finalAtStop, TimeUnit.NANOSECONDS.toMillis(done - restart), outcome);
    } finally {
      queries.close();
    }
  }
}
