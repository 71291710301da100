package jp.linkage.hub.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Looks for forbidden values (My Numbers, resident record codes) in everything the hub keeps: every
 * record of every topic, every column of every table of a database, and log lines.
 */
public final class PersonalNumberScanner {
  private final Collection<String> forbidden;

  public PersonalNumberScanner(Collection<String> forbidden) {
    this.forbidden = List.copyOf(forbidden);
  }

  /** Where each forbidden value was found in {@code texts} (keyed by location). */
  public List<String> scan(Map<String, String> texts) {
    List<String> findings = new ArrayList<>();
    texts.forEach(
        (where, text) -> {
          for (String value : forbidden) {
            if (text != null && text.contains(value)) {
              findings.add(where);
            }
          }
        });
    return findings;
  }

  /** Every record (key and value) of every topic whose name starts with {@code prefix}. */
  public static Map<String, String> topics(String bootstrap, String prefix)
      throws InterruptedException, ExecutionException {
    Map<String, String> texts = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicRecords.fromStart(bootstrap, t -> t.startsWith(prefix))) {
      texts.put(
          r.topic() + "@" + r.partition() + ":" + r.offset(),
          (r.key() == null ? "" : r.key()) + "\n" + text(r.value()));
    }
    return texts;
  }

  /** Every column of every row of every table in the public schema; binary columns as UTF-8. */
  public static Map<String, String> tables(DataSource dataSource) throws SQLException {
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
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
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
