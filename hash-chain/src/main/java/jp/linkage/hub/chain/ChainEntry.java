package jp.linkage.hub.chain;

import java.time.Instant;

/** One entry of a {@link HashChain}. */
public record ChainEntry(
    String chain,
    long seq,
    String entryType,
    String payload,
    Instant recordedAt,
    String prevHash,
    String hash) {}
