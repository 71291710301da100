package jp.linkage.hub.server.api;

import java.time.Instant;

/**
 * What a replica registration did.
 *
 * @param registeredAt when it reached the replica (or was refused as superseded)
 * @param deadline the change's registration deadline (登録期限); null for an item without a fixed
 *     window
 * @param late registered after its deadline; a LATE_REGISTRATION alert was raised
 */
public record Registration(
    ReplicaUpdate update, Status status, Instant registeredAt, Instant deadline, boolean late) {

  public enum Status {
    /** The replica now holds this change. */
    APPLIED,
    /** The replica already held exactly this change (same master time, edition and content). */
    UNCHANGED,
    /** The replica holds a newer master change; nothing was written. */
    SUPERSEDED
  }
}
