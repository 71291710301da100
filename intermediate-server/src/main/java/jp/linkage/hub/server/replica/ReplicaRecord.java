package jp.linkage.hub.server.replica;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One replica record (副本): the copy of one information item of one person.
 *
 * @param masterChangedAt when the master record (正本) changed
 * @param registeredAt when the change reached the replica
 * @param deadline when it had to reach the replica at the latest (登録期限); null when the item's
 *     window is undecided
 */
public record ReplicaRecord(String agency, String item, String localId, String edition,
    JsonNode document, Instant masterChangedAt, Instant registeredAt, Instant deadline) {}
