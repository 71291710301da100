package jp.linkage.hub.bench;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.launcher.DemoPeople;
import jp.linkage.hub.launcher.DevSecrets;
import jp.linkage.hub.launcher.Hub;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.server.IntermediateServer;
import jp.linkage.hub.server.api.BulkStatus;
import jp.linkage.hub.server.api.BulkSubmissionException;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.bulk.BulkSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A bulk query (一括照会) through the whole hub: the pension organisation submits {@code --queries}
 * local-tax queries spread over the municipalities' residents, after an interactive max-rate
 * baseline in the same run; while the bulk runs, the insurer sends one interactive query a second
 * to Chiyoda (a bulk provider) to show it is not starved. See docs/benchmarks.md.
 */
@Command(
    name = "bulk-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measure a bulk query's time, throughput, window use and heap on the embedded stack.")
public final class BulkBenchmark implements Callable<Integer> {
  private static final ItemRef LOCAL_TAX = new ItemRef("local-tax-info", EDITION);

  @Option(
      names = "--queries",
      defaultValue = "100000",
      description = "Queries in the bulk (default ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--window",
      defaultValue = "" + BulkSettings.DEFAULT_WINDOW,
      description = "Bulk window per querier and provider (default ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--baseline",
      defaultValue = "2000",
      description = "Interactive max-rate linkages first (default ${DEFAULT-VALUE}).")
  int baseline;

  @Option(
      names = "--persons",
      defaultValue = "200",
      description = "Synthetic residents (default ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--timeout",
      defaultValue = "PT4H",
      description = "How long the bulk may take (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--json", description = "Also write the results as JSON to this file.")
  File json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BulkBenchmark()).execute(args));
  }

  @Override
  public Integer call()
      throws SQLException,
          IOException,
          InterruptedException,
          BenchmarkException,
          BulkSubmissionException {
    String loadBefore = Machine.loadAverage();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BulkSettings settings = new BulkSettings(window, timeout, meters);
    try (HubInfrastructure infra = HubInfrastructure.fromEnvironment();
        Hub hub =
            Hub.start(
                infra,
                DevSecrets.fromEnvironment(System.getenv()),
                persons,
                Clock.systemUTC(),
                settings)) {
      progress(
          "hub started; acquiring symbols and registering replicas for " + persons + " persons");
      RunResult base;
      try (HubWorkload w = HubWorkload.prepare(hub, Duration.ofMinutes(5))) {
        LoadDriver driver = new LoadDriver(8, 200, 600_000);
        driver.run(w, 0, 500, 0); // warm-up
        progress("interactive baseline: " + baseline + " linkages at max rate");
        base = driver.run(w, 500, baseline, 0);
      }
      BulkReport report = runBulk(hub, meters, base, loadBefore);
      report.print(System.out);
      if (json != null) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, report);
      }
      return report.endStates().getOrDefault("ANSWERED", 0L) == queries ? 0 : 2;
    }
  }

  private BulkReport runBulk(Hub hub, SimpleMeterRegistry meters, RunResult base, String loadBefore)
      throws SQLException, InterruptedException, BenchmarkException, BulkSubmissionException {
    IntermediateServer server = hub.server();
    List<Person> people = hub.registry().persons();
    AtomicLong bulkDone = new AtomicLong();
    Map<String, Long> probeSent = new ConcurrentHashMap<>();
    Map<String, Long> probeLatency = new ConcurrentHashMap<>();
    Consumer<QueryCompletion> listener =
        c -> {
          if (c.agency().equals(NENKIN)) {
            bulkDone.incrementAndGet();
          } else if (probeSent.containsKey(c.linkageId())) {
            probeLatency.put(
                c.linkageId(),
                "ANSWERED".equals(c.status())
                    ? System.nanoTime() - probeSent.get(c.linkageId())
                    : -1L);
          }
        };
    server.addCompletionListener(listener);
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    int prober =
        IntStream.range(0, people.size())
            .filter(
                i ->
                    DemoPeople.insured(i)
                        && DemoPeople.municipalityOf(people.get(i)).equals(CHIYODA))
            .findFirst()
            .orElseThrow();
    progress("bulk: submitting " + queries + " queries, window " + window);
    long t0 = System.nanoTime();
    String bulkId;
    double storeSeconds;
    try (BulkSampler sampler = new BulkSampler(meters, bulkDone::get)) {
      bulkId =
          server.submitBulk(
              NENKIN,
              "benchmark",
              IntStream.range(0, queries)
                  .mapToObj(
                      k -> {
                        Person p = people.get(k % people.size());
                        return new Query(
                            DemoPeople.idFor(NENKIN, k % people.size()),
                            "pension-benefit-eligibility",
                            DemoPeople.municipalityOf(p),
                            LOCAL_TAX);
                      })
                  .iterator());
      storeSeconds = (System.nanoTime() - t0) / 1e9;
      progress(String.format("bulk stored in %.1f s", storeSeconds));
      long deadline = t0 + timeout.toNanos();
      long nextProbe = System.nanoTime();
      while (bulkDone.get() < queries && System.nanoTime() < deadline) {
        if (System.nanoTime() >= nextProbe) { // one interactive query a second to a bulk provider
          long sent = System.nanoTime();
          probeSent.put(probe(server, prober), sent);
          nextProbe = sent + 1_000_000_000L;
        }
        Thread.sleep(50); // the benchmark's own pacing, not a test
      }
      double totalSeconds = (System.nanoTime() - t0) / 1e9;
      BulkStatus status = server.bulkStatus(NENKIN, bulkId).orElseThrow();
      long s0 = System.nanoTime();
      Map<String, Long> endStates = new LinkedHashMap<>();
      server.bulkResults(NENKIN, bulkId, r -> endStates.merge(r.status(), 1L, Long::sum));
      double streamSeconds = Math.round((System.nanoTime() - s0) / 1e7) / 100.0;
      progress("bulk status " + status);
      server.removeCompletionListener(listener);
      long[] probes =
          probeLatency.values().stream().filter(v -> v >= 0).mapToLong(Long::longValue).toArray();
      int probesFailed = probeSent.size() - probes.length;
      long maxLane =
          (long)
              meters.find("hub.bulk.in_flight.max").gauges().stream()
                  .mapToDouble(Gauge::value)
                  .max()
                  .orElse(0);
      double perSecond = Math.round(queries / totalSeconds * 10) / 10.0;
      return new BulkReport(
          options(),
          Machine.describe(loadBefore),
          base,
          queries,
          Math.round(storeSeconds * 10) / 10.0,
          Math.round(totalSeconds * 10) / 10.0,
          perSecond,
          endStates,
          streamSeconds,
          window,
          maxLane,
          LatencyStats.of(probes),
          probesFailed,
          sampler.peakHeapUsedMb(),
          Math.round(1_000_000 / perSecond),
          Math.round(perSecond / base.perSecond() * 100) / 100.0,
          sampler.samples());
    }
  }

  private Map<String, Object> options() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("queries", queries);
    o.put("window", window);
    o.put("baseline", baseline);
    o.put("persons", persons);
    o.put("timeout", timeout.toString());
    return o;
  }

  /**
   * One interactive query of the insurer to a provider the bulk keeps busy; returns its linkage id.
   */
  private static String probe(IntermediateServer server, int prober)
      throws SQLException, BenchmarkException {
    try {
      return server.query(
          INSURER,
          new Query(
              DemoPeople.idFor(INSURER, prober), "health-insurance-benefit", CHIYODA, LOCAL_TAX));
    } catch (UnknownPersonException e) {
      throw new BenchmarkException("the interactive probe could not be sent", e);
    }
  }

  private static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
