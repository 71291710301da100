package jp.linkage.hub.iface.backoffice.message;

import java.time.Instant;
import jp.linkage.hub.iface.message.OptionalField;

/**
 * Server → back-office: the receipt of a {@link ChangeNoticed}.
 *
 * @param status PENDING (answers now say so) or ALREADY_REGISTERED (the replica holds this change
 *     or a newer one)
 * @param deadline when the replica update is due; absent for an item without a fixed window
 */
public record NoticeReceived(
    String item,
    String localId,
    Instant masterChangedAt,
    Instant noticedAt,
    @OptionalField Instant deadline,
    String status) {}
