package jp.linkage.hub.core.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.core.api.LinkageAnsweredEvent;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The hub's copy of the provision records (情報提供等記録), one row per linkage, each change also appended
 * to the {@code provision-records} hash chain. Runs in the tracking processor's transaction, so
 * row, chain entry and token commit together: exactly once.
 */
public final class ProvisionRecordProjection {
  public static final String CHAIN_NAME = "provision-records";
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final String APPENDER = ProvisionRecordProjection.class.getName() + ".appender";

  private final Supplier<Connection> connection;

  /**
   * @param connection the connection of the current transaction
   */
  public ProvisionRecordProjection(Supplier<Connection> connection) {
    this.connection = connection;
  }

  @EventHandler
  void on(LinkageAuthorisedEvent e, @Timestamp Instant at) throws SQLException {
    insert(
        e.linkageId(),
        e.querier(),
        e.provider(),
        e.procedure(),
        e.item(),
        "AUTHORISED",
        null,
        e.tableVersion(),
        e.rowId(),
        e.querierSymbol(),
        e.providerSymbol(),
        e.requestedAt());
    chain("authorised", e, at);
  }

  @EventHandler
  void on(LinkageDeniedEvent e, @Timestamp Instant at) throws SQLException {
    insert(
        e.linkageId(),
        e.querier(),
        e.provider(),
        e.procedure(),
        e.item(),
        "DENIED",
        e.reason(),
        e.tableVersion(),
        null,
        null,
        null,
        e.requestedAt());
    chain("denied", e, at);
  }

  @EventHandler
  void on(LinkageAnsweredEvent e, @Timestamp Instant at) throws SQLException {
    try (PreparedStatement ps =
        connection
            .get()
            .prepareStatement(
                "UPDATE core_provision_record"
                    + " SET status = 'ANSWERED', answered_at = ?, outcome = ?, payload_digest = ? WHERE linkage_id = ?")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(e.answeredAt()));
      ps.setString(2, e.outcome().name());
      ps.setString(3, e.payloadDigest());
      ps.setString(4, e.linkageId());
      ps.executeUpdate();
    }
    // the chain keeps the digest, not the ciphertext
    chain(
        "answered",
        new AnsweredEntry(e.linkageId(), e.outcome().name(), e.payloadDigest(), e.answeredAt()),
        at);
  }

  record AnsweredEntry(
      String linkageId, String outcome, String payloadDigest, Instant answeredAt) {}

  private void insert(
      String linkageId,
      String querier,
      String provider,
      String procedure,
      String item,
      String status,
      String reason,
      String tableVersion,
      String rowId,
      String querierSymbol,
      String providerSymbol,
      Instant requestedAt)
      throws SQLException {
    try (PreparedStatement ps =
        connection
            .get()
            .prepareStatement(
                "INSERT INTO core_provision_record"
                    + " (linkage_id, querier, provider, procedure, item, status, reason, table_version, row_id,"
                    + " querier_symbol, provider_symbol, requested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, linkageId);
      ps.setString(2, querier);
      ps.setString(3, provider);
      ps.setString(4, procedure);
      ps.setString(5, item);
      ps.setString(6, status);
      ps.setString(7, reason);
      ps.setString(8, tableVersion);
      ps.setString(9, rowId);
      ps.setString(10, querierSymbol);
      ps.setString(11, providerSymbol);
      ps.setTimestamp(12, java.sql.Timestamp.from(requestedAt));
      ps.executeUpdate();
    }
  }

  private void chain(String type, Object entry, Instant at) throws SQLException {
    String payload;
    try {
      payload = JSON.writeValueAsString(entry);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("chain entry not serialisable", ex);
    }
    Instant recordedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (!CurrentUnitOfWork.isStarted()) {
      CoreSchema.CHAIN.append(connection.get(), CHAIN_NAME, type, payload, recordedAt);
      return;
    }
    appender().append(CHAIN_NAME, type, payload, recordedAt);
  }

  /**
   * One appender per batch of the tracking processor: the chain head is locked and updated once per
   * batch, and the entries are written as one JDBC batch before the batch (with its token) commits.
   */
  private ChainAppender appender() {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    return root.getOrComputeResource(
        APPENDER,
        key -> {
          ChainAppender appender = CoreSchema.CHAIN.appender(connection.get());
          root.onPrepareCommit(
              u -> {
                try {
                  appender.flush();
                } catch (SQLException e) {
                  throw new ChainAppendException("provision-record chain entries not written", e);
                }
              });
          return appender;
        });
  }

  /** The chain entries of a batch could not be written; the batch rolls back and is retried. */
  public static final class ChainAppendException extends RuntimeException {
    ChainAppendException(String message, SQLException cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }
}
