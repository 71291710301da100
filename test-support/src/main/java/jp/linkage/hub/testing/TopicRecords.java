package jp.linkage.hub.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on some topics, read back without a consumer group (so no offsets are committed and no
 * group of the hub is disturbed): from offset 0 of every partition to the end it had when reading
 * began. Keys as text, values as the bytes on the wire.
 */
public final class TopicRecords {
  private static final Duration AT_MOST = Duration.ofSeconds(30);

  private TopicRecords() {}

  /** Every record of every topic whose name {@code topics} accepts, in the order they were read. */
  public static List<ConsumerRecord<String, byte[]>> fromStart(
      String bootstrap, Predicate<String> topics) throws InterruptedException, ExecutionException {
    List<TopicPartition> partitions = partitions(bootstrap, topics);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(bootstrap))) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + AT_MOST.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "could not read every topic to its end within " + AT_MOST.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            records.add(r);
          }
        }
      }
    }
    return records;
  }

  /** The partitions of every topic whose name {@code topics} accepts. */
  public static List<TopicPartition> partitions(String bootstrap, Predicate<String> topics)
      throws InterruptedException, ExecutionException {
    List<TopicPartition> partitions = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      var names = admin.listTopics().names().get().stream().filter(topics).toList();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .forEach(
              (name, d) ->
                  d.partitions()
                      .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
    }
    return partitions;
  }

  private static Properties consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return props;
  }
}
