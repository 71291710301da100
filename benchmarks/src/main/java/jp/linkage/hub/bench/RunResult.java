package jp.linkage.hub.bench;

/**
 * One measured run of one variant.
 *
 * @param mode {@code max} (closed loop, as fast as possible) or {@code rate} (open loop at a
 *     target)
 * @param targetRate linkages/s asked for in a rate run, 0 in a max run
 * @param failed linkages that completed but not as expected (e.g. not PROVIDED)
 */
public record RunResult(
    String variant,
    String mode,
    double targetRate,
    int linkages,
    int failed,
    double seconds,
    double perSecond,
    LatencyStats latency) {}
