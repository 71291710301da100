package jp.linkage.hub.server.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import jp.linkage.hub.chain.HashChain;

/**
 * Tables of the intermediate server (中間サーバー). Several agencies share them as tenants, as the
 * municipal shared platform (自治体中間サーバー・プラットフォーム) does; every row carries its agency.
 */
public final class ServerSchema {
  /** The access log (アクセス記録): one hash chain per agency. */
  public static final HashChain ACCESS_LOG = new HashChain("is");

  private ServerSchema() {}

  public static void create(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_person_link (agency text NOT NULL,"
              + " local_id text NOT NULL, symbol text, PRIMARY KEY (agency, local_id))");
      s.execute(
          "CREATE UNIQUE INDEX IF NOT EXISTS is_person_link_symbol ON is_person_link (agency, symbol)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_symbol_request (agency text NOT NULL,"
              + " request_ref text PRIMARY KEY, local_id text NOT NULL, requested_at timestamptz NOT NULL,"
              + " completed_at timestamptz)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_replica (agency text NOT NULL, item text NOT NULL,"
              + " local_id text NOT NULL, edition text NOT NULL, document text NOT NULL,"
              + " master_changed_at timestamptz NOT NULL, registered_at timestamptz NOT NULL,"
              + " PRIMARY KEY (agency, item, local_id))");
      // registration deadline (登録期限) of the replica's current state; null when none is fixed
      s.execute("ALTER TABLE is_replica ADD COLUMN IF NOT EXISTS deadline timestamptz");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_change_notice (agency text NOT NULL, item text NOT NULL,"
              + " local_id text NOT NULL, master_changed_at timestamptz NOT NULL, noticed_at timestamptz NOT NULL,"
              + " deadline timestamptz, resolved_at timestamptz,"
              + " PRIMARY KEY (agency, item, local_id, master_changed_at))");
      s.execute(
          "CREATE INDEX IF NOT EXISTS is_change_notice_pending ON is_change_notice (deadline)"
              + " WHERE resolved_at IS NULL");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_deferred_answer (agency text NOT NULL, linkage_id text NOT NULL,"
              + " item text NOT NULL, local_id text NOT NULL, request text NOT NULL,"
              + " deferred_at timestamptz NOT NULL, defer_until timestamptz NOT NULL, PRIMARY KEY (agency, linkage_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_replica_alert (id bigserial PRIMARY KEY, agency text NOT NULL,"
              + " kind text NOT NULL, item text NOT NULL, local_id text NOT NULL, master_changed_at timestamptz,"
              + " deadline timestamptz, linkage_id text, detail text NOT NULL, raised_at timestamptz NOT NULL,"
              + " alert_key text NOT NULL, UNIQUE (agency, alert_key))");
      // replica alerts already reported to the hub (AlertForwarder's marker for that destination)
      s.execute("CREATE TABLE IF NOT EXISTS is_hub_alert_sent (alert_id bigint PRIMARY KEY)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_query (agency text NOT NULL, linkage_id text PRIMARY KEY,"
              + " local_id text NOT NULL, procedure text NOT NULL, provider text NOT NULL, item text NOT NULL,"
              + " status text NOT NULL, outcome text, result text, detail text, sent_at timestamptz NOT NULL,"
              + " completed_at timestamptz)");
      // bulk queries (一括照会): queued with a fixed linkage id, then sent by the dispatcher within a
      // window
      s.execute("ALTER TABLE is_query ADD COLUMN IF NOT EXISTS edition text");
      s.execute("ALTER TABLE is_query ADD COLUMN IF NOT EXISTS bulk_id text");
      s.execute("ALTER TABLE is_query ADD COLUMN IF NOT EXISTS bulk_row bigint");
      s.execute("ALTER TABLE is_query ADD COLUMN IF NOT EXISTS queued_at timestamptz");
      s.execute(
          "CREATE INDEX IF NOT EXISTS is_query_queued ON is_query (agency, provider, queued_at, bulk_row)"
              + " WHERE status = 'QUEUED'");
      s.execute(
          "CREATE INDEX IF NOT EXISTS is_query_bulk_in_flight ON is_query (agency, provider, sent_at)"
              + " WHERE status = 'SENT' AND bulk_id IS NOT NULL");
      s.execute(
          "CREATE INDEX IF NOT EXISTS is_query_bulk ON is_query (bulk_id, bulk_row) WHERE bulk_id IS NOT NULL");
      // the query timeout's sweep, every second: only the queries still awaiting an answer
      s.execute(
          "CREATE INDEX IF NOT EXISTS is_query_sent ON is_query (sent_at) WHERE status = 'SENT'");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_bulk (agency text NOT NULL, bulk_id text NOT NULL,"
              + " name text NOT NULL, submitted_at timestamptz NOT NULL, total bigint NOT NULL,"
              + " PRIMARY KEY (agency, bulk_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_provision_record (agency text NOT NULL,"
              + " linkage_id text NOT NULL, role text NOT NULL, counterpart text NOT NULL,"
              + " procedure text NOT NULL, item text NOT NULL, local_id text, outcome text NOT NULL,"
              + " recorded_at timestamptz NOT NULL, PRIMARY KEY (agency, linkage_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_inbox (agency text NOT NULL, message_id text NOT NULL,"
              + " received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (agency, message_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_outbox (id bigserial PRIMARY KEY, topic text NOT NULL,"
              + " msg_key text, value bytea NOT NULL, sent boolean NOT NULL DEFAULT false)");
      s.execute("CREATE INDEX IF NOT EXISTS is_outbox_unsent ON is_outbox (id) WHERE NOT sent");
      s.execute(
          "CREATE TABLE IF NOT EXISTS is_rejection (id bigserial PRIMARY KEY, agency text NOT NULL,"
              + " message_id text, field text NOT NULL, rule text NOT NULL, message text NOT NULL,"
              + " received_at timestamptz NOT NULL DEFAULT now())");
      ACCESS_LOG.createSchema(c);
    }
  }
}
