package jp.linkage.hub.bench;

import java.sql.SQLException;
import java.util.function.BiConsumer;

/**
 * Something that starts linkages and later says each one finished. The benchmark's variants (the
 * hub, the raw Kafka round trip, the bare floor) implement it so one driver measures them alike.
 */
interface Workload extends AutoCloseable {
  String name();

  /** Where completions go from now on: (linkage id, whether it ended as expected). */
  void onCompletion(BiConsumer<String, Boolean> sink);

  /**
   * Starts the {@code i}-th linkage and returns its id once the request is durably handed over (for
   * the hub: after {@code IntermediateServer.query} returned). May be called concurrently.
   */
  String send(int i) throws SQLException, InterruptedException, BenchmarkException;

  @Override
  void close();
}
