package jp.linkage.hub.server.query;

import java.sql.Connection;
import java.sql.SQLException;
import jp.linkage.hub.server.api.QueryCompletion;

/**
 * Told of each query's completion inside the transaction that completes it, so that what follows
 * from it (the back-office's {@code query-completed} outbox row) commits with it or not at all.
 */
@FunctionalInterface
public interface CompletionHook {
  void completed(Connection c, QueryCompletion completion) throws SQLException;
}
