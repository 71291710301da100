package jp.linkage.hub.core.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.linkage.hub.iface.routing.RejectionStore;

/** Keeps rejected messages in {@code core_rejected_message}; a redelivered record is kept once. */
public final class RejectedMessageTable implements RejectionStore {
  private final DataSource dataSource;

  public RejectedMessageTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void keep(
      String sender,
      String topic,
      int partition,
      long offset,
      String messageId,
      String field,
      String rule,
      String message,
      String redactedValue) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO core_rejected_message (sender, topic,"
                    + " kafka_partition, kafka_offset, message_id, field, rule, message, redacted_value)"
                    + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING")) {
      ps.setString(1, sender);
      ps.setString(2, topic);
      ps.setInt(3, partition);
      ps.setLong(4, offset);
      ps.setString(5, messageId);
      ps.setString(6, field);
      ps.setString(7, rule);
      ps.setString(8, message);
      ps.setString(9, redactedValue);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new RejectionNotKeptException(
          "could not keep rejected record " + topic + "@" + offset, e);
    }
  }

  /** The database refused the rejection; the batch is retried so nothing goes unrecorded. */
  public static final class RejectionNotKeptException extends RuntimeException {
    RejectionNotKeptException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
