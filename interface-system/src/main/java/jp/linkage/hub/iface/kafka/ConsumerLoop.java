package jp.linkage.hub.iface.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poll loop on its own thread with at-least-once semantics: offsets are committed only after the
 * handler returned; when it throws, the consumer seeks back to the last committed position and the
 * batch is retried after a back-off. Handlers are idempotent, so redelivery is harmless.
 */
public final class ConsumerLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final RecordBatchHandler handler;
  private final Thread thread;
  private volatile boolean running = true;

  private ConsumerLoop(
      Properties props,
      Consumer<KafkaConsumer<String, byte[]>> subscribe,
      RecordBatchHandler handler,
      String name) {
    this.consumer = new KafkaConsumer<>(props);
    this.handler = handler;
    subscribe.accept(consumer);
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /** Starts a loop that subscribes with {@code subscribe} (topics or a pattern). */
  public static ConsumerLoop start(
      Properties props,
      Consumer<KafkaConsumer<String, byte[]>> subscribe,
      RecordBatchHandler handler,
      String name) {
    ConsumerLoop loop = new ConsumerLoop(props, subscribe, handler, name);
    loop.thread.start();
    return loop;
  }

  private void run() {
    long backoffMs = 100;
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          // e.g. the broker is restarting: keep the loop alive rather than stop consuming for good
          log.warn("{}: poll failed, will retry: {}", thread.getName(), e.toString());
          pause(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 5_000);
          continue;
        }
        if (records.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
          handler.handle(batch);
          consumer.commitSync(nextOffsets(batch));
          backoffMs = 100;
        } catch (WakeupException e) {
          throw e;
        } catch (Exception e) {
          log.warn(
              "{}: batch of {} failed, will retry: {}",
              thread.getName(),
              batch.size(),
              e.toString());
          rewind(batch);
          pause(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 5_000);
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      List<ConsumerRecord<String, byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
    for (ConsumerRecord<String, byte[]> r : batch) {
      offsets.merge(
          new TopicPartition(r.topic(), r.partition()),
          new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
    Map<TopicPartition, Long> first = new java.util.HashMap<>();
    for (ConsumerRecord<String, byte[]> r : batch) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    // after a rebalance some partitions may belong to another member, which resumes from the commit
    first.forEach(
        (tp, offset) -> {
          if (consumer.assignment().contains(tp)) {
            consumer.seek(tp, offset);
          }
        });
  }

  private void pause(long ms) {
    try {
      Thread.sleep(ms); // back-off before retrying a failed batch, not a test wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
