package jp.linkage.hub.audit.replay;

import java.sql.Connection;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.linkage.hub.core.CoreSystem;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Reads the core's event store ({@code domainevententry}) for auditors: every event in global
 * order, over read-only connections, with the core's own serializer. Writes nothing.
 */
public final class EventLog {
  private EventLog() {}

  /** The serializer the core writes events and tokens with. */
  public static Serializer serializer() {
    return JacksonSerializer.builder().objectMapper(CoreSystem.objectMapper()).build();
  }

  /** Calls {@code each} for every event of the store, oldest first; returns how many. */
  public static long forEach(DataSource source, Consumer<? super TrackedEventMessage<?>> each) {
    ConnectionProvider readOnly =
        () -> {
          Connection c = source.getConnection();
          c.setReadOnly(true);
          return c;
        };
    Serializer serializer = serializer();
    JdbcEventStorageEngine engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(readOnly)
            .transactionManager(NoTransactionManager.INSTANCE)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .batchSize(500)
            .build();
    long[] count = {0};
    try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
      events.forEach(
          e -> {
            each.accept(e);
            count[0]++;
          });
    }
    return count[0];
  }
}
