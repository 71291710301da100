package jp.linkage.hub.server.batch;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long batch file on stderr: one plain line at most every second (and a last one), so
 * it reads the same in a terminal, a CI log or a file; no terminal control characters.
 */
public final class Progress {
  private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintWriter err;
  private final String what;
  private final long total;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastPrinted;
  private long printedDone = -1;
  private long done;

  /**
   * @param what e.g. "replicas", printed first on each line
   * @param total rows expected
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  public Progress(PrintWriter err, String what, long total, LongSupplier nanoTime) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastPrinted = started;
  }

  /** {@code rows} more are done; prints if a second has passed since the last line. */
  public void advance(long rows) {
    done += rows;
    long now = nanoTime.getAsLong();
    if (now - lastPrinted >= EVERY_NANOS) {
      print(now);
    }
  }

  /** Prints the final line, unless the last line already showed it. */
  public void finish() {
    if (printedDone != done) {
      print(nanoTime.getAsLong());
    }
  }

  public long done() {
    return done;
  }

  private void print(long now) {
    lastPrinted = now;
    printedDone = done;
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    long percent = total == 0 ? 100 : done * 100 / total;
    err.printf("%s: %d/%d rows (%d%%), %.0f rows/s%n", what, done, total, percent, done / seconds);
    err.flush();
  }
}
