package jp.linkage.hub.iface.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one polled batch. Returning normally means every record's effect is durable and the
 * offsets may be committed. Throwing means an infrastructure failure: the batch is polled again,
 * whether the handler says so with a {@link BatchFailedException} or fails with an unchecked
 * exception. Bad records must be rejected by the handler itself, never thrown, so that they cannot
 * stop the pipeline.
 */
@FunctionalInterface
public interface RecordBatchHandler {
  void handle(List<ConsumerRecord<String, byte[]>> batch) throws BatchFailedException;
}
