package jp.linkage.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The mean record sizes (key + value bytes) of the four messages of one linkage, read back from the
 * hub's own topics after the warm-up, so the baselines send exactly what the hub sends.
 *
 * @param query QUERY_REQUESTED, querier → hub
 * @param provisionRequest PROVISION_REQUESTED, hub → provider
 * @param answer PROVISION_ANSWERED with the sealed CMS payload, provider → hub
 * @param delivery ANSWER_DELIVERED, hub → querier
 */
record MessageSizes(int query, int provisionRequest, int answer, int delivery, int keyBytes) {
  static final List<MessageType> LINKAGE_TYPES =
      List.of(
          MessageType.QUERY_REQUESTED,
          MessageType.PROVISION_REQUESTED,
          MessageType.PROVISION_ANSWERED,
          MessageType.ANSWER_DELIVERED);

  static MessageSizes measure(String bootstrap, Collection<String> topics)
      throws BenchmarkException {
    Properties props = KafkaSettings.consumer(bootstrap, "bench-message-sizes");
    Map<MessageType, long[]> sums =
        new EnumMap<>(MessageType.class); // type -> {count, value bytes}
    long keyBytes = 0;
    long keys = 0;
    EnvelopeCodec codec = new EnvelopeCodec();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, p.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new BenchmarkException("could not read the hub's topics back within 60 s", null);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          MessageType type = typeOf(codec, r.value());
          if (type != null && LINKAGE_TYPES.contains(type)) {
            long[] s = sums.computeIfAbsent(type, t -> new long[2]);
            s[0]++;
            s[1] += r.value().length;
            keyBytes += r.key() == null ? 0 : r.key().length();
            keys++;
          }
        }
      }
    }
    for (MessageType t : LINKAGE_TYPES) {
      if (!sums.containsKey(t)) {
        throw new BenchmarkException("the warm-up left no " + t + " on the hub's topics", null);
      }
    }
    return new MessageSizes(
        mean(sums.get(MessageType.QUERY_REQUESTED)),
        mean(sums.get(MessageType.PROVISION_REQUESTED)),
        mean(sums.get(MessageType.PROVISION_ANSWERED)),
        mean(sums.get(MessageType.ANSWER_DELIVERED)),
        (int) (keyBytes / Math.max(keys, 1)));
  }

  private static MessageType typeOf(EnvelopeCodec codec, byte[] value) {
    try {
      return MessageType.fromWireName(codec.decode(value).type()).orElse(null);
    } catch (MalformedMessageException e) {
      return null; // not a hub envelope (e.g. a rejected test message); not part of a linkage
    }
  }

  private static int mean(long[] countAndBytes) {
    return (int) (countAndBytes[1] / countAndBytes[0]);
  }
}
