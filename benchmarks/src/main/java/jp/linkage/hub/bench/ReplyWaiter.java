package jp.linkage.hub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a reply topic on its own thread (a stock {@code KafkaConsumer<String,String>}, from the
 * end) and completes the waiter registered for each reply's id with its arrival time in nanos.
 */
final class ReplyWaiter implements AutoCloseable {
  private final KafkaConsumer<String, String> consumer;
  private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param idOf the id a reply answers (its correlation id), or null to ignore the record
   */
  ReplyWaiter(
      String bootstrap, String topic, Function<ConsumerRecord<String, String>, String> idOf) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("fetch.max.wait.ms", "5"); // measure latency, not the fetch batching
    consumer = new KafkaConsumer<>(p);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before anything is sent
    thread =
        new Thread(
            () -> {
              try {
                while (running) {
                  for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String id = idOf.apply(r);
                    CompletableFuture<Long> f = id == null ? null : waiting.remove(id);
                    if (f != null) {
                      f.complete(now);
                    }
                  }
                }
              } catch (WakeupException e) {
                // closing
              } finally {
                consumer.close();
              }
            },
            "reply-waiter-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** Register before sending, so a fast reply is not missed. */
  CompletableFuture<Long> expect(String id) {
    return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
