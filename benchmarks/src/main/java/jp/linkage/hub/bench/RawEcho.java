package jp.linkage.hub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The baseline's "server": copies each record of one topic to another with the same key, with the
 * hub's producer settings (acks=all, idempotent), and nothing else: the Kafka cost of the round
 * trip alone.
 */
final class RawEcho implements AutoCloseable {
  private final Thread thread;
  private final KafkaConsumer<String, String> consumer;
  private volatile boolean running = true;

  RawEcho(String bootstrap, String from, String to) {
    Properties c = new Properties();
    c.put("bootstrap.servers", bootstrap);
    c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("fetch.max.wait.ms", "5");
    consumer = new KafkaConsumer<>(c);
    List<TopicPartition> partitions =
        consumer.partitionsFor(from).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("linger.ms", "1");
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    KafkaProducer<String, String> producer = new KafkaProducer<>(p);
    thread =
        new Thread(
            () -> {
              try (producer) {
                while (running) {
                  for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(to, r.key(), r.value()));
                  }
                }
              } catch (WakeupException e) {
                // closing
              } finally {
                consumer.close();
              }
            },
            "raw-echo");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
