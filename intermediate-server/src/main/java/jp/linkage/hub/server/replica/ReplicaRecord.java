package jp.linkage.hub.server.replica;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * One replica record (副本): the copy of one information item of one person.
 *
 * @param item the information item and the layout edition {@code document} follows
 * @param masterChangedAt when the master record (正本) changed
 * @param registeredAt when the change reached the replica
 * @param deadline when it had to reach the replica at the latest (登録期限); null when the item's
 *     window is undecided
 */
public record ReplicaRecord(
    String agency,
    ItemRef item,
    String localId,
    JsonNode document,
    Instant masterChangedAt,
    Instant registeredAt,
    Instant deadline) {}
