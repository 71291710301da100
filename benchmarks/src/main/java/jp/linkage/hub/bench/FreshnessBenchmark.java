package jp.linkage.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.infra.Topics;
import jp.linkage.hub.launcher.DemoPeople;
import jp.linkage.hub.launcher.DevSecrets;
import jp.linkage.hub.launcher.Hub;
import jp.linkage.hub.launcher.ServerStack;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Freshness: how long from a master change produced on {@code bo.<agency>.to-server} until it is
 * answerable from the replica, i.e. until the {@code jp.ipn.replica.registered} acknowledgement
 * (sent after the registration committed) arrives on {@code bo.<agency>.from-server}; the item has
 * window 0 (IMMEDIATE). Against, in the same JVM on the same broker, a raw produce → echo → consume
 * round trip with the same producer settings. Both closed loop with a fixed number of changes in
 * flight.
 */
@Command(
    name = "freshness-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Master change → answerable on the replica (window 0), p50/p99, against a raw Kafka round trip.")
public final class FreshnessBenchmark implements Callable<Integer> {
  static final String AGENCY = DemoPeople.INSURER;
  static final String ITEM = "medical-insurance-eligibility";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final java.util.concurrent.atomic.AtomicInteger refused =
      new java.util.concurrent.atomic.AtomicInteger();

  @Option(
      names = "--changes",
      defaultValue = "3000",
      description = "Measured changes per variant (default ${DEFAULT-VALUE}).")
  int changes;

  @Option(
      names = "--warmup",
      defaultValue = "500",
      description = "Unmeasured changes first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--in-flight",
      defaultValue = "1",
      description = "Changes sent but not yet answered (default ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(
      names = "--persons",
      defaultValue = "500",
      description = "Local ids the changes are spread over (default ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--replica-policies",
      description = "Policy file (default: window 0 for " + ITEM + ").")
  Path policies;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FreshnessBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws SQLException, IOException, InterruptedException, BenchmarkException {
    String loadBefore = Machine.loadAverage();
    LatencyStats hub;
    LatencyStats raw;
    try (HubInfrastructure infra = HubInfrastructure.fromEnvironment()) {
      String kafka = infra.kafkaBootstrapServers();
      AgencyDirectory agencies = AgencyDirectory.loadFromClasspath();
      Hub.createTopics(infra, agencies);
      try (ServerStack server =
          ServerStack.start(
              infra,
              "bench_freshness",
              "bench-freshness",
              DevSecrets.random(),
              agencies,
              12,
              Clock.systemUTC(),
              ReplicaPolicies.load(policyFile()))) {
        progress("intermediate server and back-office link started");
        hub =
            run(
                "hub",
                kafka,
                TopicLayout.backOfficeToServer(AGENCY),
                TopicLayout.backOfficeFromServer(AGENCY),
                FreshnessBenchmark::masterChange,
                r -> registeredAck(r.value()));
        if (refused.get() > 0) {
          throw new BenchmarkException(
              refused.get() + " changes were not applied (see the server log)", null);
        }
      } // stopped so that it does not compete with the baseline for the cores
      Topics.createTopics(kafka, List.of("bench.freshness.raw.to", "bench.freshness.raw.from"), 1);
      try (RawEcho echo =
          new RawEcho(kafka, "bench.freshness.raw.to", "bench.freshness.raw.from")) {
        raw =
            run(
                "raw",
                kafka,
                "bench.freshness.raw.to",
                "bench.freshness.raw.from",
                FreshnessBenchmark::masterChange,
                r -> r.key());
      }
    }
    System.out.printf(
        "%nfreshness: master change on %s -> registered ack on %s, window 0 (IMMEDIATE), %d in flight%n",
        TopicLayout.backOfficeToServer(AGENCY), TopicLayout.backOfficeFromServer(AGENCY), inFlight);
    System.out.println("machine: " + Machine.describe(loadBefore));
    System.out.println("| variant | changes | p50 ms | p95 ms | p99 ms | max ms | mean ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (var row :
        List.of(
            new Object[] {"hub: master change → answerable", hub},
            new Object[] {"raw: produce → echo → consume", raw})) {
      LatencyStats s = (LatencyStats) row[1];
      System.out.printf(
          "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          row[0], s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs(), s.meanMs());
    }
    System.out.printf(
        "ratio hub/raw: p50 %.1fx, p99 %.1fx%n",
        hub.p50Ms() / raw.p50Ms(), hub.p99Ms() / raw.p99Ms());
    return 0;
  }

  /**
   * Sends warm-up then measured changes, {@code inFlight} at a time; returns the measured
   * latencies.
   */
  private LatencyStats run(
      String name,
      String kafka,
      String to,
      String from,
      Change change,
      java.util.function.Function<
              org.apache.kafka.clients.consumer.ConsumerRecord<String, String>, String>
          idOf)
      throws InterruptedException, BenchmarkException {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "1");
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    long[] measured = new long[changes];
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        ReplyWaiter replies = new ReplyWaiter(kafka, from, idOf)) {
      progress(name + ": " + warmup + " warm-up changes, then " + changes + " measured");
      List<CompletableFuture<Long>> window = new ArrayList<>();
      List<Long> sentAt = new ArrayList<>();
      List<Integer> slot = new ArrayList<>();
      for (int i = 0; i < warmup + changes; i++) {
        String id = UUID.randomUUID().toString();
        String value = change.envelope(id, i % persons, i);
        CompletableFuture<Long> reply = replies.expect(id);
        long t0 = System.nanoTime();
        producer.send(new ProducerRecord<>(to, id, value));
        window.add(reply);
        sentAt.add(t0);
        slot.add(i - warmup);
        if (window.size() >= inFlight || i == warmup + changes - 1) {
          for (int k = 0; k < window.size(); k++) {
            long t1 = replyTime(name, window.get(k));
            if (slot.get(k) >= 0) {
              measured[slot.get(k)] = t1 - sentAt.get(k);
            }
          }
          window.clear();
          sentAt.clear();
          slot.clear();
        }
      }
    }
    LatencyStats stats = LatencyStats.of(measured);
    progress(String.format("  %s: p50 %.2f ms, p99 %.2f ms", name, stats.p50Ms(), stats.p99Ms()));
    return stats;
  }

  /** When the reply arrived (System.nanoTime); the run fails when it does not come within 60 s. */
  private static long replyTime(String name, CompletableFuture<Long> reply)
      throws InterruptedException, BenchmarkException {
    try {
      return reply.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchmarkException(name + ": a change got no reply within 60 s", e);
    }
  }

  @FunctionalInterface
  interface Change {
    String envelope(String id, int person, int n);
  }

  /** The documented master-changed envelope for local id K{person}, new content each time. */
  static String masterChange(String id, int person, int n) {
    ObjectNode e = JSON.createObjectNode();
    e.put("specversion", "1.0")
        .put("id", id)
        .put("source", "/agencies/" + AGENCY)
        .put("type", "jp.ipn.replica.master-changed")
        .put("time", Instant.now().toString())
        .put("correlationid", id)
        .put("schemaversion", "1")
        .put("datacontenttype", "application/json");
    ObjectNode data =
        e.putObject("data")
            .put("item", ITEM)
            .put("localId", String.format("K%06d", person))
            .put("edition", DemoPeople.EDITION)
            .put("masterChangedAt", Instant.now().toString());
    data.set(
        "data", DemoPeople.eligibility(person).put("insuredNumber", String.valueOf(100_000 + n)));
    return e.toString();
  }

  /**
   * The id a registered ack answers; a rejection also ends the wait (and fails the run), anything
   * else (e.g. the LATE_REGISTRATION alert window 0 raises for every change) is not an answer.
   */
  private String registeredAck(String value) {
    try {
      JsonNode n = JSON.readTree(value);
      String type = n.path("type").asText();
      if ("jp.ipn.message.rejected".equals(type)
          || "jp.ipn.replica.registered".equals(type)
              && !"APPLIED".equals(n.at("/data/status").asText())) {
        refused.incrementAndGet();
        return n.path("correlationid").asText();
      }
      return "jp.ipn.replica.registered".equals(type) ? n.path("correlationid").asText() : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private Path policyFile() throws IOException {
    if (policies != null) {
      return policies;
    }
    Path file = Files.createTempFile("freshness-immediate", ".json");
    file.toFile().deleteOnExit();
    try (InputStream in =
        FreshnessBenchmark.class.getResourceAsStream("/freshness-immediate-policies.json")) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private static void progress(String line) {
    System.err.println("[freshness] " + line);
  }
}
