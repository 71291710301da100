package jp.linkage.hub.iface.backoffice.message;

import java.time.Instant;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Server → back-office: the acknowledgement of a {@link MasterChanged}; the change is answerable
 * from the replica once this is sent (status APPLIED or UNCHANGED).
 *
 * @param status APPLIED, UNCHANGED (same master time and content) or SUPERSEDED (the replica holds
 *     a newer change)
 * @param deadline the change's registration deadline (登録期限); absent for an item without a fixed
 *     window
 * @param late registered after its deadline (a LATE_REGISTRATION alert follows)
 */
public record ReplicaRegistered(
    String item,
    String localId,
    String edition,
    Instant masterChangedAt,
    String status,
    Instant registeredAt,
    @OptionalField Instant deadline,
    boolean late) {}
