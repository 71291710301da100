package jp.linkage.hub.core.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent conversions agree with direct issuance; also reports convert throughput. */
class SymbolConcurrencyTest {

  private static final int PERSONS = 50;
  private static final int ROUNDS = 20;
  private static final int THREADS = 4;

  @Test
  void concurrentConvertsAreCorrect() throws Exception {
    SymbolService service = new SymbolService(new SymbolKeyring(TestPoints.MASTER, 1));
    Random rng = new Random(3);
    List<AgencySymbol> fromKenpo = new ArrayList<>();
    List<AgencySymbol> expectedNenkin = new ArrayList<>();
    for (int i = 0; i < PERSONS; i++) {
      byte[] m = TestPoints.randomPoint(rng);
      fromKenpo.add(service.issue("hi-kenpo-06130001", m));
      expectedNenkin.add(service.issue("nenkin", m));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int r = 0; r < ROUNDS; r++) {
                    for (int i = 0; i < PERSONS; i++) {
                      AgencySymbol s =
                          service.convert("hi-kenpo-06130001", fromKenpo.get(i), "nenkin");
                      ok += s.equals(expectedNenkin.get(i)) ? 1 : 0;
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> f : results) {
        ok += f.get(2, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(THREADS * ROUNDS * PERSONS, ok);
      double opsPerSecond = ok / seconds;
      System.out.printf(
          "convert: %d ops on %d threads in %.2f s = %.0f ops/s%n",
          ok, THREADS, seconds, opsPerSecond);
      assertTrue(opsPerSecond > 50, "convert far too slow: " + opsPerSecond + " ops/s");
    } finally {
      pool.shutdownNow();
    }
  }
}
