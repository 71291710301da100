package jp.linkage.hub.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on, and what the run cost the JVM. */
record Machine(
    int cpus,
    String java,
    long maxHeapMb,
    String loadAverageBefore,
    String loadAverageAfter,
    long peakHeapUsedMb,
    long gcCount,
    long gcMillis) {

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static Machine describe(String loadBefore) {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak +=
            pool.getPeakUsage().getUsed(); // sum of per-pool peaks: an upper bound of the real peak
      }
    }
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(gc.getCollectionCount(), 0);
      millis += Math.max(gc.getCollectionTime(), 0);
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        loadBefore,
        loadAverage(),
        peak >> 20,
        count,
        millis);
  }
}
