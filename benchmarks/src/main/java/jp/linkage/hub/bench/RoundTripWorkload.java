package jp.linkage.hub.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import jp.linkage.hub.iface.kafka.BatchFailedException;
import jp.linkage.hub.iface.kafka.ConsumerLoop;
import jp.linkage.hub.iface.kafka.KafkaSettings;
import jp.linkage.hub.infra.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A linkage's four Kafka hops without the hub: querier → hub → provider → hub → querier, with the
 * hub's client settings (acks=all, idempotent producers, offsets committed only after a batch's
 * sends are acknowledged) and its thread layout (one consumer loop for the hub's inbound topics,
 * one for the agencies' server, each side with its own producer). What each step does besides
 * forwarding is the {@link Stages}: nothing (raw baseline) or the bare floor's work.
 */
final class RoundTripWorkload implements Workload {
  private final String name;
  private final Stages stages;
  private final String queries;
  private final String requests;
  private final String answers;
  private final String deliveries;
  private final Producer<String, byte[]> serverProducer;
  private final Producer<String, byte[]> hubProducer;
  private final ConsumerLoop hubLoop;
  private final ConsumerLoop serverLoop;
  private volatile BiConsumer<String, Boolean> sink = (id, ok) -> {};

  RoundTripWorkload(String name, String bootstrap, Stages stages) {
    this.name = name;
    this.stages = stages;
    String prefix = "bench." + name + ".";
    queries = prefix + "querier.to-hub";
    requests = prefix + "provider.from-hub";
    answers = prefix + "provider.to-hub";
    deliveries = prefix + "querier.from-hub";
    Topics.createTopics(bootstrap, List.of(queries, requests, answers, deliveries), 1);
    serverProducer =
        new KafkaProducer<>(KafkaSettings.producer(bootstrap, "bench-" + name + "-server"));
    hubProducer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "bench-" + name + "-hub"));
    hubLoop =
        ConsumerLoop.start(
            KafkaSettings.consumer(bootstrap, "bench-" + name + "-hub"),
            c -> c.subscribe(List.of(queries, answers)),
            this::onHubBatch,
            "bench-" + name + "-hub");
    serverLoop =
        ConsumerLoop.start(
            KafkaSettings.consumer(bootstrap, "bench-" + name + "-server"),
            c -> c.subscribe(List.of(requests, deliveries)),
            this::onServerBatch,
            "bench-" + name + "-server");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void onCompletion(BiConsumer<String, Boolean> sink) {
    this.sink = sink;
  }

  /**
   * Like {@code IntermediateServer.query}: durable locally, then handed to Kafka and acknowledged.
   */
  @Override
  public String send(int i) throws SQLException, InterruptedException, BenchmarkException {
    String id = UUID.randomUUID().toString();
    byte[] value = stages.query(id, i);
    try {
      serverProducer.send(new ProducerRecord<>(queries, id, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchmarkException(name + ": Kafka did not acknowledge query " + id, e);
    }
    return id;
  }

  /**
   * A failed step fails the batch, which the loop polls again (the stages' inbox rows drop what
   * committed).
   */
  private void onHubBatch(List<ConsumerRecord<String, byte[]>> batch) throws BatchFailedException {
    List<ConsumerRecord<String, byte[]>> q = ofTopic(batch, queries);
    List<ConsumerRecord<String, byte[]>> a = ofTopic(batch, answers);
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try {
      forward(hubProducer, q, q.isEmpty() ? List.of() : stages.authorise(q), requests, sends);
      forward(hubProducer, a, a.isEmpty() ? List.of() : stages.deliver(a), deliveries, sends);
    } catch (SQLException e) {
      throw new BatchFailedException(name + ": the hub's step failed", e);
    }
    awaitAll(sends);
  }

  private void onServerBatch(List<ConsumerRecord<String, byte[]>> batch)
      throws BatchFailedException {
    List<ConsumerRecord<String, byte[]>> p = ofTopic(batch, requests);
    List<ConsumerRecord<String, byte[]>> d = ofTopic(batch, deliveries);
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try {
      forward(serverProducer, p, p.isEmpty() ? List.of() : stages.answer(p), answers, sends);
      List<Boolean> ok = d.isEmpty() ? List.of() : stages.receive(d);
      for (int i = 0; i < d.size(); i++) {
        sink.accept(d.get(i).key(), ok.get(i));
      }
    } catch (SQLException | IOException e) {
      throw new BatchFailedException(name + ": the agencies' step failed", e);
    }
    awaitAll(sends);
  }

  private static List<ConsumerRecord<String, byte[]>> ofTopic(
      List<ConsumerRecord<String, byte[]>> batch, String topic) {
    return batch.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  private static void forward(
      Producer<String, byte[]> producer,
      List<ConsumerRecord<String, byte[]>> in,
      List<byte[]> values,
      String topic,
      List<Future<RecordMetadata>> sends) {
    for (int i = 0; i < in.size(); i++) {
      sends.add(producer.send(new ProducerRecord<>(topic, in.get(i).key(), values.get(i))));
    }
  }

  private static void awaitAll(List<Future<RecordMetadata>> sends) throws BatchFailedException {
    try {
      for (Future<RecordMetadata> f : sends) {
        f.get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      // as before, the interrupt is not restored: the loop polls the batch again
      throw new BatchFailedException("Kafka did not acknowledge a forwarded record", e);
    }
  }

  @Override
  public void close() {
    hubLoop.close();
    serverLoop.close();
    serverProducer.close();
    hubProducer.close();
  }
}
