package jp.linkage.hub.core.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import jp.linkage.hub.chain.HashChain;

/**
 * The core's own tables beside Axon's event store: the hub's copy of the provision records
 * (情報提供等記録), their hash chain, the rejected messages kept for inspection, and the agencies' replica
 * alerts (without the persons). None of them holds a My Number, a resident record code or any
 * payload in the clear.
 */
public final class CoreSchema {
  public static final HashChain CHAIN = new HashChain("core");

  private CoreSchema() {}

  public static void create(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS core_provision_record ("
              + " linkage_id text PRIMARY KEY, querier text NOT NULL, provider text NOT NULL,"
              + " procedure text NOT NULL, item text NOT NULL, status text NOT NULL, reason text,"
              + " table_version text, row_id text, querier_symbol text, provider_symbol text,"
              + " requested_at timestamptz NOT NULL, answered_at timestamptz, outcome text,"
              + " payload_digest text)");
      // the monitoring views read a period of records (the last 24 hours by default), not the whole
      // table
      s.execute(
          "CREATE INDEX IF NOT EXISTS core_provision_record_requested ON core_provision_record (requested_at)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS core_rejected_message ("
              + " id bigserial PRIMARY KEY, sender text NOT NULL, topic text NOT NULL,"
              + " kafka_partition int NOT NULL, kafka_offset bigint NOT NULL, message_id text,"
              + " field text NOT NULL, rule text NOT NULL, message text NOT NULL,"
              + " redacted_value text NOT NULL, rejected_at timestamptz NOT NULL DEFAULT now(),"
              + " UNIQUE (topic, kafka_partition, kafka_offset))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS core_replica_alert (agency text NOT NULL, alert_id bigint NOT NULL,"
              + " kind text NOT NULL, item text NOT NULL, master_changed_at timestamptz, deadline timestamptz,"
              + " linkage_id text, detail text NOT NULL, raised_at timestamptz NOT NULL,"
              + " reported_at timestamptz NOT NULL, PRIMARY KEY (agency, alert_id))");
      CHAIN.createSchema(c);
    }
  }
}
