package jp.linkage.hub.launcher;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for forbidden values (My Numbers, resident record codes) in everything the hub keeps:
 * every record of every topic, every column of every table of a database, and log lines.
 */
final class PersonalNumberScanner {
  private final Collection<String> forbidden;

  PersonalNumberScanner(Collection<String> forbidden) {
    this.forbidden = List.copyOf(forbidden);
  }

  /** Where each forbidden value was found in {@code texts} (keyed by location). */
  List<String> scan(Map<String, String> texts) {
    List<String> findings = new ArrayList<>();
    texts.forEach((where, text) -> {
      for (String value : forbidden) {
        if (text != null && text.contains(value)) {
          findings.add(where);
        }
      }
    });
    return findings;
  }

  /** Every record (key and value) of every topic whose name starts with {@code prefix}. */
  static Map<String, String> topics(String bootstrap, String prefix) throws Exception {
    Map<String, String> texts = new HashMap<>();
    List<TopicPartition> partitions = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      var names = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList();
      admin.describeTopics(names).allTopicNames().get().forEach((name, d) ->
          d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read every topic to its end");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          texts.put(r.topic() + "@" + r.partition() + ":" + r.offset(), text(r.key()) + "\n" + text(r.value()));
        }
      }
    }
    return texts;
  }

  /** Every column of every row of every table in the public schema; binary columns as UTF-8. */
  static Map<String, String> tables(DataSource dataSource) throws Exception {
    Map<String, String> texts = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          int row = 0;
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int col = 1; col <= md.getColumnCount(); col++) {
              Object v = rs.getObject(col);
              sb.append(v instanceof byte[] b ? text(b) : String.valueOf(v)).append('\t');
            }
            texts.put(table + "#" + row++, sb.toString());
          }
        }
      }
    }
    return texts;
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
