package jp.linkage.hub.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;

/**
 * The provision-record projection as stored: every {@code core_provision_record} row by linkage
 * id, and every entry and the head of the {@code provision-records} hash chain. Two snapshots are
 * compared column by column and entry by entry.
 */
public record ProjectionSnapshot(Map<String, Map<String, String>> rows, List<List<String>> chain,
    String head) {

  /** Reads the projection in {@code c} (call inside one transaction for a consistent view). */
  public static ProjectionSnapshot read(Connection c) throws SQLException {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    for (Map<String, String> row : query(c, "SELECT * FROM core_provision_record")) {
      rows.put(row.get("linkage_id"), row);
    }
    String prefix = CoreSchema.CHAIN.tablePrefix();
    List<List<String>> chain = new ArrayList<>();
    for (Map<String, String> e : query(c, "SELECT seq, entry_type, payload, recorded_at, prev_hash, hash FROM "
        + prefix + "_chain_entry WHERE chain = '" + ProvisionRecordProjection.CHAIN_NAME + "' ORDER BY seq")) {
      chain.add(List.copyOf(e.values()));
    }
    List<Map<String, String>> heads = query(c, "SELECT seq, hash FROM " + prefix
        + "_chain_head WHERE chain = '" + ProvisionRecordProjection.CHAIN_NAME + "'");
    String head = heads.isEmpty() ? "none" : heads.get(0).get("seq") + " " + heads.get(0).get("hash");
    return new ProjectionSnapshot(rows, chain, head);
  }

  /** Every difference between {@code live} and {@code replayed}, readable, in a stable order. */
  public static List<String> differences(ProjectionSnapshot live, ProjectionSnapshot replayed) {
    List<String> out = new ArrayList<>();
    live.rows.forEach((id, row) -> {
      Map<String, String> other = replayed.rows.get(id);
      if (other == null) {
        out.add("linkage " + id + ": in the live records, not re-derived by the replay");
        return;
      }
      row.forEach((column, value) -> {
        if (!Objects.equals(value, other.get(column))) {
          out.add("linkage " + id + ": " + column + " live=" + value + " replayed=" + other.get(column));
        }
      });
    });
    replayed.rows.keySet().stream().filter(id -> !live.rows.containsKey(id))
        .forEach(id -> out.add("linkage " + id + ": re-derived by the replay, missing from the live records"));
    int n = Math.max(live.chain.size(), replayed.chain.size());
    for (int i = 0; i < n; i++) {
      List<String> a = i < live.chain.size() ? live.chain.get(i) : null;
      List<String> b = i < replayed.chain.size() ? replayed.chain.get(i) : null;
      if (!Objects.equals(a, b)) {
        out.add("chain entry " + i + ": live=" + a + " replayed=" + b);
      }
    }
    if (!live.head.equals(replayed.head)) {
      out.add("chain head: live=" + live.head + " replayed=" + replayed.head);
    }
    return out;
  }

  private static List<Map<String, String>> query(Connection c, String sql) throws SQLException {
    List<Map<String, String>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          // timestamps as instants, so the session time zone cannot make equal rows differ
          row.put(md.getColumnName(i), v instanceof Timestamp ? rs.getTimestamp(i).toInstant().toString()
              : v == null ? null : rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
