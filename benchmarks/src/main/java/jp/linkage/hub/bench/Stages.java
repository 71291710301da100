package jp.linkage.hub.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work done at each of a linkage's five steps in a {@link RoundTripWorkload}. Every method
 * handles one polled batch and must be durable when it returns; the returned values are what the
 * step sends on (same order as the input).
 */
interface Stages {
  /** Querier back-office: record the query; returns the QUERY_REQUESTED value. */
  byte[] query(String linkageId, int i) throws SQLException, BenchmarkException;

  /** Hub, on queries: authorise; returns the PROVISION_REQUESTED values. */
  List<byte[]> authorise(List<ConsumerRecord<String, byte[]>> queries) throws SQLException;

  /** Provider: answer from the replica; returns the PROVISION_ANSWERED values. */
  List<byte[]> answer(List<ConsumerRecord<String, byte[]>> requests)
      throws SQLException, IOException;

  /** Hub, on answers: record them; returns the ANSWER_DELIVERED values. */
  List<byte[]> deliver(List<ConsumerRecord<String, byte[]>> answers) throws SQLException;

  /** Querier: take the answers in; returns whether each one is as expected. */
  List<Boolean> receive(List<ConsumerRecord<String, byte[]>> deliveries) throws SQLException;
}
