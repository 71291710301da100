package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.testing.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5 ("nothing is lost, nothing is doubled") for the core: the core system runs as a child
 * JVM ({@code hub core}); this JVM hosts the intermediate server (every agency) and the registry
 * link. Queries stream in at a steady pace; the core is killed with SIGKILL once part of them are
 * answered, and restarted while queries keep arriving. Every query must end exactly once, with one
 * provision record at the hub and one at each agency, one event of each kind per linkage, one
 * message of each kind per linkage on the wire (resends carry the same id), and intact hash chains.
 *
 * <p>Runs in its own failsafe execution (own JVM, own Kafka and PostgreSQL), because the core
 * consumes every {@code ipn.*.to-hub} topic and would take the demo's messages.
 */
class CoreCrashIT {
  private static final int PERSONS = 40;
  private static final int QUERIES = 400;
  private static final int ANSWERED_BEFORE_KILL = 80;
  private static final Duration PACE = Duration.ofMillis(15);
  private static final Path WORK = Path.of("target", "crash-it", "core");

  private static HubInfrastructure infra;
  private static HubProcess core;
  private static ServerStack stack;
  private static CrashLedger ledger;

  @BeforeAll
  static void startHub() throws Exception {
    CrashLedger.deleteRecursively(WORK);
    infra = SharedInfrastructure.get();
    CrashLedger.dropDatabases(infra, CrashLedger.CORE_DB, CrashLedger.SERVER_DB);
    Path dataDir = WORK.resolve("data");
    DevSecrets secrets = DevSecrets.in(dataDir.resolve(DevSecrets.DIRECTORY));
    AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
    Hub.createTopics(infra, agencies);
    core = new HubProcess("core", WORK, infra, dataDir, "core", "--database", CrashLedger.CORE_DB);
    core.start();
    stack =
        ServerStack.start(
            infra,
            CrashLedger.SERVER_DB,
            "crash-intermediate-server",
            secrets,
            agencies,
            PERSONS,
            Clock.systemUTC());
    ledger = new CrashLedger(infra);
    core.awaitOutput("core ready", Duration.ofMinutes(3));
  }

  @AfterAll
  static void stopHub() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (core != null) {
      core.close();
    }
  }

  @Test
  void killedCoreLosesNothingAndDoublesNothing() throws Throwable {
    try {
      run();
    } catch (Throwable t) {
      String logs = core.allLogs();
      System.out.println(logs);
      throw new AssertionError(
          t.getMessage() + "\n----- child output (tail) -----\n" + CrashLedger.tail(logs, 150), t);
    }
  }

  private void run() throws Exception {
    long t0 = System.nanoTime();
    IntermediateServer server = stack.server();
    List<Person> people = stack.registry().persons();
    CrashLoad.prepare(server, people, ledger);
    List<CrashLoad.Planned> plan = CrashLoad.plan(people, QUERIES);

    PacedQueries queries = new PacedQueries(plan, PACE, p -> CrashLoad.send(server, p));
    try {
      ledger.awaitFinal(
          ANSWERED_BEFORE_KILL,
          "at least " + ANSWERED_BEFORE_KILL + " queries final before the kill",
          Duration.ofMinutes(3));
      int finalAtKill = ledger.finalQueries();
      int sentAtKill = queries.sent();
      long oldPid = core.pid();
      assertEquals(HubProcess.SIGKILL_STATUS, core.kill(), "the core died of SIGKILL");
      Instant killedAt = Instant.now();
      assertTrue(ProcessHandle.of(oldPid).isEmpty() || !ProcessHandle.of(oldPid).get().isAlive());
      assertFalse(
          core.lastLog().contains("core stopped"), "SIGKILL leaves no time for a shutdown hook");
      assertTrue(finalAtKill < QUERIES, "killed in the middle of the stream");

      core.start();
      long restart = System.nanoTime();
      Instant restartedAt = Instant.now();
      core.awaitOutput("core ready", Duration.ofMinutes(3));
      long ready = System.nanoTime();
      int sentByReady = queries.sent();
      String[] linkageIds = queries.awaitAllSent(Duration.ofMinutes(3));
      ledger.awaitFinal(QUERIES, "every query final after the restart", Duration.ofMinutes(6));
      long done = System.nanoTime();

      CrashLedger.Outcome outcome = ledger.check(plan, linkageIds, server);
      Instant firstNewEvent = ledger.firstLinkageEventAfter(restartedAt);
      System.out.printf(
          "core crash: %d queries, %d final and %d sent at the kill, %d sent by the"
              + " restarted core's readiness; restart→ready %d ms, restart→first new linkage event %d ms,"
              + " restart→all final %d ms; kill→restart %d ms; total %d ms; %s%n",
          QUERIES,
          finalAtKill,
          sentAtKill,
          sentByReady,
          millis(restart, ready),
          Duration.between(restartedAt, firstNewEvent).toMillis(),
          millis(restart, done),
          Duration.between(killedAt, restartedAt).toMillis(),
          millis(t0, done),
          outcome);

      assertEquals(HubProcess.SIGTERM_STATUS, core.terminate(), "SIGTERM ends the core");
      assertTrue(
          core.lastLog().contains("core stopped"), "SIGTERM closes the core in its shutdown hook");
    } finally {
      queries.close();
    }
  }

  private static long millis(long fromNanos, long toNanos) {
    return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
  }
}
