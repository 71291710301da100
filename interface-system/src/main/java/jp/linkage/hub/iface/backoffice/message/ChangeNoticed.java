package jp.linkage.hub.iface.backoffice.message;

import java.time.Instant;

/**
 * Back-office → server: 異動通知. The master changed at {@code masterChangedAt}; until the matching
 * {@link MasterChanged} arrives, answers about the person and item say a change is pending.
 */
public record ChangeNoticed(String item, String localId, Instant masterChangedAt) {}
