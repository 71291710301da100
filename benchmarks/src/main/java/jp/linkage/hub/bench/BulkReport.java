package jp.linkage.hub.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a bulk run measured: the interactive baseline of the same run, the bulk's storing and total
 * times, its end states, the window's use, the interactive probes sent during the bulk, and heap.
 *
 * @param maxLaneInFlight the highest {@code hub.bulk.in_flight.max} of any lane (never above
 *     window)
 * @param probes latencies of interactive queries to a bulk's provider while the bulk ran
 * @param projectedMillionSeconds 1,000,000 ÷ the bulk's measured throughput: a projection, not a
 *     measurement
 */
record BulkReport(
    Map<String, Object> options,
    Machine machine,
    RunResult interactiveBaseline,
    int queries,
    double storeSeconds,
    double totalSeconds,
    double perSecond,
    Map<String, Long> endStates,
    double streamSeconds,
    int window,
    long maxLaneInFlight,
    LatencyStats probes,
    int probesFailed,
    long peakHeapUsedMbDuringBulk,
    double projectedMillionSeconds,
    double ratioBulkToInteractive,
    List<BulkSampler.Sample> samples) {

  void print(PrintStream out) {
    out.println("Bulk queries (一括照会) on the embedded stack");
    out.println("  options: " + options);
    out.println("  machine: " + machine);
    out.printf(
        "  interactive baseline (same run): %d linkages, %.1f linkages/s, p50 %.0f ms, p99 %.0f ms%n",
        interactiveBaseline.linkages(),
        interactiveBaseline.perSecond(),
        interactiveBaseline.latency().p50Ms(),
        interactiveBaseline.latency().p99Ms());
    out.printf(
        "  bulk: %,d queries stored in %.1f s, all final after %.1f s: %.1f queries/s (%.2f x interactive)%n",
        queries, storeSeconds, totalSeconds, perSecond, ratioBulkToInteractive);
    out.println(
        "  end states: " + endStates + "; results streamed back in " + streamSeconds + " s");
    out.printf("  window %d per lane; most in flight in one lane: %d%n", window, maxLaneInFlight);
    out.printf(
        "  interactive probes to the bulk's provider during the bulk: %d, p50 %.0f ms, p99 %.0f ms,"
            + " max %.0f ms, %d not answered%n",
        probes.count(), probes.p50Ms(), probes.p99Ms(), probes.maxMs(), probesFailed);
    out.printf(
        "  peak heap used during the bulk (sampled each second): %d MiB of %d MiB%n",
        peakHeapUsedMbDuringBulk, machine.maxHeapMb());
    out.printf(
        "  projection (not measured): 1,000,000 queries at this rate take %.0f s (%.1f h)%n",
        projectedMillionSeconds, projectedMillionSeconds / 3600);
  }
}
