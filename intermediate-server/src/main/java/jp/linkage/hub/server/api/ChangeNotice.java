package jp.linkage.hub.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A change notice (異動通知): the master (正本) of the item changed for one person at {@code
 * masterChangedAt}; the replica update follows by the item's deadline. Until it does, answers about
 * the person and item say a change is pending.
 *
 * @param item information item code
 * @param localId the agency's own id of the person
 */
public record ChangeNotice(String agency, String item, String localId, Instant masterChangedAt) {
  public ChangeNotice {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(localId, "localId");
    Objects.requireNonNull(masterChangedAt, "masterChangedAt");
  }
}
