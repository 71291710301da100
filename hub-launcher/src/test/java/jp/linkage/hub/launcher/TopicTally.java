package jp.linkage.hub.launcher;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.testing.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Everything on some topics, read from the beginning to the current end without a consumer group:
 * for each message type and correlation id, the distinct envelope ids and the number of copies.
 * At-least-once delivery may repeat a record; a doubled effect shows as a second distinct id.
 */
final class TopicTally {
  private final Map<String, Map<String, Set<String>>> ids = new HashMap<>();
  private final Map<String, Integer> copies = new HashMap<>();

  static TopicTally read(String bootstrap, Collection<String> topics)
      throws MalformedMessageException, InterruptedException, ExecutionException {
    TopicTally tally = new TopicTally();
    EnvelopeCodec codec = new EnvelopeCodec();
    for (ConsumerRecord<String, byte[]> r : TopicRecords.fromStart(bootstrap, topics::contains)) {
      Envelope e = codec.decode(r.value());
      tally
          .ids
          .computeIfAbsent(e.type(), t -> new HashMap<>())
          .computeIfAbsent(e.correlationid(), c -> new HashSet<>())
          .add(e.id());
      tally.copies.merge(e.type(), 1, Integer::sum);
    }
    return tally;
  }

  /** Distinct envelope ids of {@code wireType} that belong to {@code correlationId}. */
  Set<String> ids(String wireType, String correlationId) {
    return ids.getOrDefault(wireType, Map.of()).getOrDefault(correlationId, Set.of());
  }

  /** Records of {@code wireType} on the topics, repeats included. */
  int copies(String wireType) {
    return copies.getOrDefault(wireType, 0);
  }

  /** Distinct messages of {@code wireType}. */
  int distinct(String wireType) {
    return ids.getOrDefault(wireType, Map.of()).values().stream().mapToInt(Set::size).sum();
  }
}
