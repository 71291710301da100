package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.linkage.hub.infra.EmbeddedKafka;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5's second half for PostgreSQL: the one database server of the core and the
 * intermediate server stops (fast shutdown: open transactions are aborted) in the middle of a
 * stream of queries and restarts on the same port and data directory. The core and the intermediate
 * server stay up and must carry on by themselves (connection pools reconnect, consumer loops and
 * tracking processors retry): every accepted query ends exactly once, checked by the crash ledger.
 *
 * <p>The back-offices stop sending while the database is down: their {@code query} call fails then
 * (nothing accepted), and a retried call after an aborted commit could not tell whether the first
 * one committed, which the ledger would see as an extra query. Own broker and PostgreSQL server.
 */
class DatabaseRestartCrashIT {
  private static final int PERSONS = 40;
  private static final int QUERIES = 400;
  private static final int FINAL_BEFORE_STOP = 80;
  private static final Duration PACE = Duration.ofMillis(15);
  private static final Path WORK = Path.of("target", "crash-it", "database");

  private static EmbeddedKafka kafka;
  private static EmbeddedPostgres postgres;
  private static HubInfrastructure infra;
  private static CrashHub hub;
  private static ServerStack stack;

  private static EmbeddedPostgres startPostgres(int port) throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(WORK.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100");
    return (port == 0 ? builder : builder.setPort(port)).start();
  }

  @BeforeAll
  static void startHub() throws Exception {
    CrashLedger.deleteRecursively(WORK);
    kafka = EmbeddedKafka.start(WORK.resolve("kafka"), 0);
    postgres = startPostgres(0);
    infra =
        HubInfrastructure.from(
            Map.of(
                "HUB_KAFKA_BOOTSTRAP_SERVERS",
                kafka.bootstrapServers(),
                "HUB_JDBC_URL",
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "HUB_JDBC_USER",
                "postgres",
                "HUB_JDBC_PASSWORD",
                ""));
    hub = CrashHub.start(infra, WORK);
    stack = hub.server("database-restart-intermediate-server", PERSONS);
  }

  @AfterAll
  static void stopHub() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (hub != null) {
      hub.close();
    }
    if (infra != null) {
      infra.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aDatabaseRestartMidStreamLosesNothingAndDoublesNothing() throws Exception {
    IntermediateServer server = stack.server();
    List<Person> people = stack.registry().persons();
    CrashLedger ledger = hub.ledger;
    CrashLoad.prepare(server, people, ledger);
    List<CrashLoad.Planned> plan = CrashLoad.plan(people, QUERIES);

    PacedQueries queries = new PacedQueries(plan, PACE, p -> CrashLoad.send(server, p));
    try {
      ledger.awaitFinal(
          FINAL_BEFORE_STOP,
          "at least " + FINAL_BEFORE_STOP + " queries final before the database stops",
          Duration.ofMinutes(3));
      queries.gate().lock(); // waits for a call in flight, then holds the back-offices off
      int sentAtStop = queries.sent();
      int finalAtStop = ledger.finalQueries();
      assertTrue(finalAtStop < QUERIES, "stopped in the middle of the stream");
      int port = postgres.getPort();
      postgres.close();
      long restart = System.nanoTime();
      postgres = startPostgres(port);
      queries.gate().unlock();
      String[] linkageIds = queries.awaitAllSent(Duration.ofMinutes(3));
      ledger.awaitFinal(QUERIES, "every query final after the restart", Duration.ofMinutes(6));
      long done = System.nanoTime();
      CrashLedger.Outcome outcome = ledger.check(plan, linkageIds, server);
      System.out.printf(
          "database restart: %d queries, %d sent at the stop; restart→all final %d ms; %s%n",
          QUERIES, sentAtStop, TimeUnit.NANOSECONDS.toMillis(done - restart), outcome);
    } finally {
      queries.close();
    }
  }
}
