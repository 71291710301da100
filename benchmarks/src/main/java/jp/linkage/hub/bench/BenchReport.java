package jp.linkage.hub.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, printable as a table and writable as JSON. */
record BenchReport(
    Map<String, Object> options,
    Machine machine,
    MessageSizes messageSizes,
    List<RunResult> results,
    Map<String, Double> ratios) {

  /** hub ÷ baseline for throughput and p50/p99 latency, per baseline and mode present. */
  static Map<String, Double> ratios(List<RunResult> results) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (RunResult hub : results) {
      if (!hub.variant().equals("hub")) {
        continue;
      }
      for (RunResult base : results) {
        if (base.variant().equals("hub")
            || !base.mode().equals(hub.mode())
            || base.targetRate() != hub.targetRate()) {
          continue;
        }
        String k =
            "hub/"
                + base.variant()
                + "."
                + (hub.mode().equals("max") ? "max" : "at" + (int) hub.targetRate())
                + ".";
        out.put(k + "throughput", round(hub.perSecond() / base.perSecond()));
        out.put(k + "p50", round(hub.latency().p50Ms() / base.latency().p50Ms()));
        out.put(k + "p99", round(hub.latency().p99Ms() / base.latency().p99Ms()));
      }
    }
    return out;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  void print(PrintStream out) {
    out.printf(
        "%nmachine: %d cpus, %s, max heap %d MiB, load average %s before, %s after%n",
        machine.cpus(),
        machine.java(),
        machine.maxHeapMb(),
        machine.loadAverageBefore(),
        machine.loadAverageAfter());
    out.printf(
        "heap: peak used <= %d MiB; GC: %d collections, %d ms%n",
        machine.peakHeapUsedMb(), machine.gcCount(), machine.gcMillis());
    if (messageSizes != null) {
      out.printf(
          "hub message sizes (value bytes): query %d, provision request %d, answer %d, delivery %d;"
              + " key %d%n",
          messageSizes.query(),
          messageSizes.provisionRequest(),
          messageSizes.answer(),
          messageSizes.delivery(),
          messageSizes.keyBytes());
    }
    out.printf(
        "%n%-6s %-9s %9s %6s %8s %11s %8s %8s %8s %8s %8s%n",
        "variant",
        "mode",
        "linkages",
        "failed",
        "seconds",
        "linkages/s",
        "mean ms",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms");
    for (RunResult r : results) {
      String mode = r.mode().equals("rate") ? "@" + (int) r.targetRate() + "/s" : "max";
      LatencyStats l = r.latency();
      out.printf(
          "%-6s %-9s %9d %6d %8.2f %11.1f %8.2f %8.2f %8.2f %8.2f %8.2f%n",
          r.variant(),
          mode,
          r.linkages(),
          r.failed(),
          r.seconds(),
          r.perSecond(),
          l.meanMs(),
          l.p50Ms(),
          l.p95Ms(),
          l.p99Ms(),
          l.maxMs());
    }
    List<String> lines = new ArrayList<>();
    ratios.forEach((k, v) -> lines.add(String.format("  %-32s %8.3f", k, v)));
    if (!lines.isEmpty()) {
      out.println();
      out.println(
          "ratios (hub ÷ baseline; throughput < 1 and latency > 1 mean the hub is slower):");
      lines.forEach(out::println);
    }
  }
}
