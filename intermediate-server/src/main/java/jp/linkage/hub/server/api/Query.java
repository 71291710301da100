package jp.linkage.hub.server.api;

import java.util.Objects;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * A query (情報照会) of the agency it is filed for: which of its persons, under which procedure, asked
 * of which provider for which item in which layout edition. Interactive, back-office, bulk (一括照会)
 * and batch-file queries alike.
 *
 * @param localId the querier's own id of the person (利用番号), never a My Number
 * @param procedure the administrative procedure (事務) that is the legal purpose
 * @param provider agency code of the provider (情報提供者)
 * @param item the information item asked for, and the layout edition the querier reads it in
 */
public record Query(String localId, String procedure, String provider, ItemRef item) {
  public Query {
    Objects.requireNonNull(localId, "localId");
    Objects.requireNonNull(procedure, "procedure");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(item, "item");
  }
}
