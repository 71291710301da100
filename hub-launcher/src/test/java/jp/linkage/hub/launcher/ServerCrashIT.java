package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.linkage.hub.iface.backoffice.BackOfficeClient;
import jp.linkage.hub.iface.backoffice.message.BackOfficeQuery;
import jp.linkage.hub.infra.EmbeddedKafka;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.registry.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5 for the intermediate server: it runs as a child JVM ({@code hub server}, every agency
 * as a tenant); the back-offices send their queries over the live link ({@code
 * bo.<agency>.to-server}, from this JVM, which also runs the core). The server is killed with
 * SIGKILL in the middle of the stream while the back-offices keep sending, and restarted. Every
 * query must end exactly once, with the crash ledger's checks (records at the hub and at each
 * agency, events, messages on the wire, intact chains). The persons' symbols and replicas are put
 * in place by an in-process server on the same database before the child starts, as a previous run
 * of the server would have.
 *
 * <p>Own broker (the shared one carries other tests' traffic) and databases; {@code crash}
 * execution.
 */
class ServerCrashIT {
  private static final int PERSONS = 40;
  private static final int QUERIES = 400;
  private static final int FINAL_BEFORE_KILL = 80;
  private static final Duration PACE = Duration.ofMillis(15);
  private static final Path WORK = Path.of("target", "crash-it", "server");
  private static final String PROCESS = "crash-server";

  private static EmbeddedKafka kafka;
  private static HubInfrastructure infra;
  private static CrashHub hub;
  private static CrashLedger ledger;
  private static HubProcess server;
  private static List<Person> people;

  @BeforeAll
  static void startHub() throws Exception {
    CrashLedger.deleteRecursively(WORK);
    kafka = EmbeddedKafka.start(WORK.resolve("kafka"), 0);
    infra = CrashHub.onSharedPostgres(kafka.bootstrapServers());
    hub = CrashHub.start(infra, WORK);
    ledger = hub.ledger;
    try (ServerStack setup = hub.server(PROCESS, PERSONS)) {
      people = setup.registry().persons();
      CrashLoad.prepare(setup.server(), people, ledger);
    }
    server =
        new HubProcess(
            "server",
            WORK,
            infra,
            CrashHub.dataDir(WORK),
            "server",
            "--database",
            CrashLedger.SERVER_DB,
            "--process-name",
            PROCESS,
            "--persons",
            String.valueOf(PERSONS));
    server.start();
    server.awaitOutput("server ready", Duration.ofMinutes(3));
  }

  @AfterAll
  static void stopHub() throws Exception {
    if (server != null) {
      server.close();
    }
    if (hub != null) {
      hub.close();
    }
    if (infra != null) {
      infra.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void killedIntermediateServerLosesNothingAndDoublesNothing() throws Throwable {
    try {
      run();
    } catch (Throwable t) {
      throw new AssertionError(
          t.getMessage()
              + "\n----- child output (tail) -----\n"
              + CrashLedger.tail(server.allLogs(), 150),
          t);
    }
  }

  private void run() throws Exception {
    List<CrashLoad.Planned> plan = CrashLoad.plan(people, QUERIES);
    Map<String, BackOfficeClient> backOffices = new HashMap<>();
    for (String agency : CrashLoad.AGENCIES) {
      backOffices.put(
          agency,
          BackOfficeClient.connect(kafka.bootstrapServers(), agency, agency + "-crash", null));
    }
    PacedQueries queries =
        new PacedQueries(
            plan,
            PACE, // to Kafka: works while the server is down
            p ->
                backOffices
                    .get(p.querier())
                    .query(
                        new BackOfficeQuery(
                            p.localId(),
                            p.procedure(),
                            p.provider(),
                            p.item(),
                            DemoPeople.EDITION)));
    try {
      ledger.awaitFinal(
          FINAL_BEFORE_KILL,
          "at least " + FINAL_BEFORE_KILL + " queries final before the kill",
          Duration.ofMinutes(3));
      int finalAtKill = ledger.finalQueries();
      assertEquals(HubProcess.SIGKILL_STATUS, server.kill(), "the server died of SIGKILL");
      assertFalse(
          server.lastLog().contains("server stopped"),
          "SIGKILL leaves no time for a shutdown hook");
      assertTrue(finalAtKill < QUERIES, "killed in the middle of the stream");
      server.start();
      long restart = System.nanoTime();
      server.awaitOutput("server ready", Duration.ofMinutes(3));
      String[] linkageIds = queries.awaitAllSent(Duration.ofMinutes(3));
      ledger.awaitFinal(QUERIES, "every query final after the restart", Duration.ofMinutes(6));
      long done = System.nanoTime();
      assertEquals(HubProcess.SIGTERM_STATUS, server.terminate(), "SIGTERM ends the server");
      try (ServerStack reader = hub.server(PROCESS, PERSONS)) {
        CrashLedger.Outcome outcome = ledger.check(plan, linkageIds, reader.server());
        System.out.printf(
            "server crash: %d queries, %d final at the kill; restart→all final %d ms; %s%n",
            QUERIES, finalAtKill, TimeUnit.NANOSECONDS.toMillis(done - restart), outcome);
      }
    } finally {
      queries.close();
      for (BackOfficeClient c : backOffices.values()) {
        c.close();
      }
    }
  }
}
