package jp.linkage.hub.server.backoffice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.iface.kafka.RecordBatchHandler;
import jp.linkage.hub.server.alerts.AlertForwarder;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.support.Jdbc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-office link (業務システム連携) of an intermediate server: reads each hosted agency's {@code
 * bo.<agency>.to-server}, applies master changes, change notices and queries with exactly-once
 * effect (an is_inbox row per envelope id in the same transaction as the effect and its reply), and
 * answers on {@code bo.<agency>.from-server} through the transactional outbox. A bad message is
 * rejected back with field and rule and never stops the loop. The topics live on the agency's Kafka
 * cluster, which may differ from the hub's.
 */
public final class BackOfficeLink implements RecordBatchHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackOfficeLink.class);

  /** Alerts are forwarded at least this often. */
  static final long ALERT_PERIOD_MS = 1_000;

  private final BackOfficeParts parts;
  private final BackOfficeReplies replies;
  private final BackOfficeRequests requests;
  private final Producer<String, byte[]> producer;
  private final AlertForwarder alerts;
  private final ConsumerLoop inbound;

  private BackOfficeLink(BackOfficeParts parts, String bootstrap, String processName)
      throws SQLException {
    this.parts = parts;
    BackOfficeSchema.create(parts.dataSource());
    this.replies = new BackOfficeReplies(parts.codec(), parts.outbox());
    this.requests = new BackOfficeRequests(parts, replies);
    this.producer =
        new KafkaProducer<>(KafkaSettings.producer(bootstrap, processName + "-backoffice"));
    parts.outbox().backOfficeProducer(producer);
    this.alerts =
        new AlertForwarder(
            parts.dataSource(),
            List.copyOf(parts.agencies()),
            "is_bo_alert_sent",
            replies::alert,
            parts.relaySoon(),
            ALERT_PERIOD_MS,
            processName + "-backoffice-alerts");
    List<String> topics = parts.agencies().stream().map(TopicLayout::backOfficeToServer).toList();
    this.inbound =
        ConsumerLoop.start(
            KafkaSettings.consumer(bootstrap, processName + "-backoffice"),
            consumer -> consumer.subscribe(topics),
            this,
            processName + "-backoffice");
    parts.relaySoon().run(); // replies a previous run queued but could not relay yet
  }

  /**
   * Creates the link's tables if needed and starts reading; closed by the server after its relay.
   */
  public static BackOfficeLink start(BackOfficeParts parts, String bootstrap, String processName)
      throws SQLException {
    return new BackOfficeLink(parts, bootstrap, processName);
  }

  /**
   * A database failure fails the batch: it is polled again, and the messages applied before the
   * failure find their inbox rows and are not applied twice.
   */
  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> batch) throws BatchFailedException {
    try {
      applyEach(batch);
    } catch (SQLException e) {
      throw new BatchFailedException("a back-office message could not be applied", e);
    }
  }

  private void applyEach(List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
    boolean registered = false;
    for (ConsumerRecord<String, byte[]> record : batch) {
      String agency = TopicLayout.agencyOfBackOfficeTopic(record.topic());
      if (agency == null || !parts.agencies().contains(agency)) {
        continue;
      }
      BackOfficeRequests.Parsed parsed = requests.parse(agency, record);
      // one transaction per message: inbox row, effect and reply commit together or not at all
      registered |=
          Jdbc.inTransaction(
              parts.dataSource(),
              c -> {
                if (!firstDelivery(c, agency, parsed.inboxKey())) {
                  return false;
                }
                return requests.apply(c, agency, parsed);
              });
    }
    if (registered) {
      parts.freshnessSoon().run(); // held answers waiting for these changes go out
      alerts.wake(); // a late registration raised an alert
    }
    parts.relaySoon().run();
  }

  /** Called by the server in the transaction that completes a query. */
  public void completed(Connection c, QueryCompletion completion) throws SQLException {
    replies.completed(c, completion);
  }

  private static boolean firstDelivery(Connection c, String agency, String key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_inbox (agency, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, agency);
      ps.setString(2, key);
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public void close() {
    inbound.close();
    alerts.close();
    producer.close();
  }
}
