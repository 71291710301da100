package jp.linkage.hub.server.freshness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;

/**
 * One information item's replica policy: its lag window and what answers do while a change is
 * pending, by default and per procedure (事務).
 *
 * @param deferFor the longest a {@link WhilePending#DEFER}red answer waits
 */
public record ItemPolicy(
    @JsonProperty(required = true) LagWindow window,
    @JsonProperty(required = true) WhilePending whilePending,
    Duration deferFor,
    Map<String, WhilePending> procedures) {

  /**
   * Used when the policy file names no {@code deferFor}; below the queriers' default bulk timeout
   * (10 min), since a querier that gave up cannot use an answer held longer.
   */
  public static final Duration DEFAULT_DEFER_FOR = Duration.ofMinutes(5);

  public ItemPolicy {
    deferFor = deferFor == null ? DEFAULT_DEFER_FOR : deferFor;
    if (deferFor.isNegative()) {
      throw new IllegalArgumentException("deferFor must not be negative: " + deferFor);
    }
    procedures = procedures == null ? Map.of() : Map.copyOf(procedures);
  }

  /** The policy for a query made for {@code procedure}. */
  public WhilePending whilePending(String procedure) {
    return procedures.getOrDefault(procedure, whilePending);
  }
}
