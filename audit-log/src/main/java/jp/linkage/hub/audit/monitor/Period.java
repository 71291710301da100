package jp.linkage.hub.audit.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range a monitoring view looks at: provision records requested in {@code [from, to)}. */
public record Period(Instant from, Instant to) {
  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
  }

  /** The last {@code length} up to now. */
  public static Period last(Duration length, Clock clock) {
    Instant now = clock.instant();
    return new Period(now.minus(length), now);
  }
}
