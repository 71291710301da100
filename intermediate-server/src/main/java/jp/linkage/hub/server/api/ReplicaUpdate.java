package jp.linkage.hub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A master change to register in the replica (副本登録): the item's new content for one person, in
 * the layout edition named, as it stood in the master (正本) at {@code masterChangedAt}.
 */
public record ReplicaUpdate(String agency, String item, String localId, String edition,
    JsonNode document, Instant masterChangedAt) {
  public ReplicaUpdate {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(localId, "localId");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(masterChangedAt, "masterChangedAt");
  }
}
