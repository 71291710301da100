package jp.linkage.hub.server.api;

import java.util.Objects;

/**
 * One query (情報照会) of a bulk submission (一括照会): which of the querier's persons, under which
 * procedure, asked of which provider for which item and layout edition.
 */
public record BulkQuery(String localId, String procedure, String provider, String item, String edition) {
  public BulkQuery {
    Objects.requireNonNull(localId, "localId");
    Objects.requireNonNull(procedure, "procedure");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(edition, "edition");
  }
}
