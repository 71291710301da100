package jp.linkage.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.infra.HubInfrastructure;
import jp.linkage.hub.launcher.Hub;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Linkages end to end through the whole hub on the embedded (or HUB_* configured) Kafka and
 * PostgreSQL, then, in the same JVM and on the same broker, the same four Kafka hops without the
 * hub (raw) and with only the work a linkage cannot avoid (bare floor), so the hub's cost can be
 * read as a ratio that does not depend on the machine. See docs/benchmarks.md.
 */
@Command(
    name = "linkage-benchmark",
    mixinStandardHelpOptions = true,
    description =
        "Measure linkages/s and latency of the hub against raw-Kafka and bare-floor baselines.")
public final class LinkageBenchmark implements Callable<Integer> {
  @Option(
      names = "--linkages",
      defaultValue = "2000",
      description = "Measured linkages per run (default ${DEFAULT-VALUE}).")
  int linkages;

  @Option(
      names = "--warmup",
      defaultValue = "500",
      description = "Unmeasured linkages before each variant (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--rate",
      split = ",",
      defaultValue = "0",
      description =
          "Also run each variant at these linkages/s (open loop, comma-separated) for latency at rate;"
              + " 0: max-rate runs only.")
  List<Double> rates;

  @Option(
      names = "--rate-seconds",
      defaultValue = "10",
      description =
          "How long each rate run sends: rate x seconds linkages (default ${DEFAULT-VALUE}).")
  int rateSeconds;

  @Option(
      names = "--persons",
      defaultValue = "200",
      description = "Synthetic residents the linkages are spread over (default ${DEFAULT-VALUE}).")
  int persons;

  @Option(
      names = "--senders",
      defaultValue = "8",
      description = "Threads calling query (default ${DEFAULT-VALUE}).")
  int senders;

  @Option(
      names = "--max-in-flight",
      defaultValue = "200",
      description =
          "Max-rate runs keep at most this many linkages open (default ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--variants",
      split = ",",
      defaultValue = "hub,raw,floor",
      description =
          "Which of hub, raw, floor to run (default ${DEFAULT-VALUE}); raw and floor need hub for the message sizes.")
  List<String> variants;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds a run may take before it fails (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--json", description = "Also write the results as JSON to this file.")
  File json;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LinkageBenchmark()).execute(args));
  }

  @Override
  public Integer call()
      throws SQLException,
          IOException,
          InterruptedException,
          BenchmarkException,
          NoSuchAlgorithmException {
    if (!variants.contains("hub")) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--variants must include hub");
    }
    String loadBefore = Machine.loadAverage();
    LoadDriver driver = new LoadDriver(senders, maxInFlight, timeoutSeconds * 1000L);
    List<RunResult> results = new ArrayList<>();
    MessageSizes sizes;
    try (HubInfrastructure infra = HubInfrastructure.fromEnvironment()) {
      String kafka = infra.kafkaBootstrapServers();
      try (Hub hub = Hub.start(infra, persons, Clock.systemUTC())) {
        progress(
            "hub started; acquiring symbols and registering replicas for " + persons + " persons");
        try (HubWorkload w = HubWorkload.prepare(hub, Duration.ofSeconds(timeoutSeconds))) {
          measure(driver, w, results);
          sizes = MessageSizes.measure(kafka, TopicLayout.allTopics(hub.agencies().codes()));
        }
      } // the hub stops here so that it does not compete with the baselines for the two cores
      if (variants.contains("raw")) {
        try (RoundTripWorkload w = new RoundTripWorkload("raw", kafka, new RawStages(sizes))) {
          measure(driver, w, results);
        }
      }
      if (variants.contains("floor")) {
        FloorStages stages = FloorStages.prepare(infra.dataSource("bench_floor"), sizes, persons);
        try (RoundTripWorkload w = new RoundTripWorkload("floor", kafka, stages)) {
          measure(driver, w, results);
        }
      }
    }
    BenchReport report =
        new BenchReport(
            options(), Machine.describe(loadBefore), sizes, results, BenchReport.ratios(results));
    report.print(System.out);
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, report);
    }
    return results.stream().anyMatch(r -> r.failed() > 0) ? 2 : 0;
  }

  /** Warm-up (discarded), a max-rate run and, if asked, a run at the target rate. */
  private void measure(LoadDriver driver, Workload w, List<RunResult> results)
      throws InterruptedException, BenchmarkException {
    int next = 0;
    if (warmup > 0) {
      progress(w.name() + ": warm-up, " + warmup + " linkages");
      driver.run(w, next, warmup, 0);
      next += warmup;
    }
    progress(w.name() + ": " + linkages + " linkages at max rate");
    results.add(report(driver.run(w, next, linkages, 0)));
    next += linkages;
    for (double rate : rates) {
      if (rate > 0) {
        int n = (int) Math.ceil(rate * rateSeconds);
        progress(w.name() + ": " + n + " linkages at " + rate + "/s");
        results.add(report(driver.run(w, next, n, rate)));
        next += n;
      }
    }
  }

  private static RunResult report(RunResult r) {
    progress(
        String.format(
            "  %s %s: %.1f linkages/s, p50 %.2f ms, p99 %.2f ms, %d failed",
            r.variant(),
            r.mode() + (r.targetRate() > 0 ? " @" + r.targetRate() + "/s" : ""),
            r.perSecond(),
            r.latency().p50Ms(),
            r.latency().p99Ms(),
            r.failed()));
    return r;
  }

  private Map<String, Object> options() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("linkages", linkages);
    o.put("warmup", warmup);
    o.put("rates", rates);
    o.put("rateSeconds", rateSeconds);
    o.put("persons", persons);
    o.put("senders", senders);
    o.put("maxInFlight", maxInFlight);
    o.put("variants", variants);
    return o;
  }

  private static void progress(String line) {
    System.err.println("[bench] " + line);
  }
}
