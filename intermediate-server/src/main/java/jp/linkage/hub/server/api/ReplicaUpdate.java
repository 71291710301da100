package jp.linkage.hub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * A master change to register in the replica (副本登録): the item's new content for one person, in the
 * layout edition named, as it stood in the master (正本) at {@code masterChangedAt}.
 *
 * @param item the information item and the layout edition {@code document} follows
 */
public record ReplicaUpdate(
    String agency, ItemRef item, String localId, JsonNode document, Instant masterChangedAt) {
  public ReplicaUpdate {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(localId, "localId");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(masterChangedAt, "masterChangedAt");
  }
}
