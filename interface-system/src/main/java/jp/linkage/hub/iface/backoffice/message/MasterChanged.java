package jp.linkage.hub.iface.backoffice.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Back-office → server: the master (正本) changed; register the new content in the replica (副本登録).
 *
 * @param item information item code (特定個人情報), e.g. {@code medical-insurance-eligibility}
 * @param localId the agency's own id of the person (宛名番号など), never a My Number
 * @param edition the data standard layout edition of {@code data}
 * @param masterChangedAt when the master changed; registrations are ordered by it
 * @param data the item's content, checked against the layout
 */
public record MasterChanged(
    String item, String localId, String edition, Instant masterChangedAt, JsonNode data) {}
