package jp.linkage.hub.audit.replay;

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
 * The provision-record processor's projections as stored: every {@code core_provision_record} row
 * by linkage id, every entry and the head of the {@code provision-records} hash chain, and every
 * {@code core_replica_alert} row by agency and alert id. Two snapshots are compared column by
 * column and entry by entry.
 */
public record ProjectionSnapshot(
    Map<String, Map<String, String>> rows,
    List<List<String>> chain,
    String head,
    Map<String, Map<String, String>> alerts) {

  /** Reads the projection in {@code c} (call inside one transaction for a consistent view). */
  public static ProjectionSnapshot read(Connection c) throws SQLException {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    for (Map<String, String> row : query(c, "SELECT * FROM core_provision_record")) {
      rows.put(row.get("linkage_id"), row);
    }
    String prefix = CoreSchema.CHAIN.tablePrefix();
    List<List<String>> chain = new ArrayList<>();
    for (Map<String, String> e :
        query(
            c,
            "SELECT seq, entry_type, payload, recorded_at, prev_hash, hash FROM "
                + prefix
                + "_chain_entry WHERE chain = '"
                + ProvisionRecordProjection.CHAIN_NAME
                + "' ORDER BY seq")) {
      chain.add(List.copyOf(e.values()));
    }
    List<Map<String, String>> heads =
        query(
            c,
            "SELECT seq, hash FROM "
                + prefix
                + "_chain_head WHERE chain = '"
                + ProvisionRecordProjection.CHAIN_NAME
                + "'");
    String head =
        heads.isEmpty() ? "none" : heads.get(0).get("seq") + " " + heads.get(0).get("hash");
    Map<String, Map<String, String>> alerts = new TreeMap<>();
    for (Map<String, String> row : query(c, "SELECT * FROM core_replica_alert")) {
      alerts.put(row.get("agency") + "/" + row.get("alert_id"), row);
    }
    return new ProjectionSnapshot(rows, chain, head, alerts);
  }

  /** Every difference between {@code live} and {@code replayed}, readable, in a stable order. */
  public static List<String> differences(ProjectionSnapshot live, ProjectionSnapshot replayed) {
    List<String> out = new ArrayList<>();
    compareRows("linkage", live.rows, replayed.rows, out);
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
    compareRows("replica alert", live.alerts, replayed.alerts, out);
    return out;
  }

  private static void compareRows(
      String what,
      Map<String, Map<String, String>> live,
      Map<String, Map<String, String>> replayed,
      List<String> out) {
    live.forEach(
        (id, row) -> {
          Map<String, String> other = replayed.get(id);
          if (other == null) {
            out.add(what + " " + id + ": in the live records, not re-derived by the replay");
            return;
          }
          row.forEach(
              (column, value) -> {
                if (!Objects.equals(value, other.get(column))) {
                  out.add(
                      what
                          + " "
                          + id
                          + ": "
                          + column
                          + " live="
                          + value
                          + " replayed="
                          + other.get(column));
                }
              });
        });
    replayed.keySet().stream()
        .filter(id -> !live.containsKey(id))
        .forEach(
            id ->
                out.add(
                    what + " " + id + ": re-derived by the replay, missing from the live records"));
  }

  private static List<Map<String, String>> query(Connection c, String sql) throws SQLException {
    List<Map<String, String>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          // timestamps as instants, so the session time zone cannot make equal rows differ
          row.put(
              md.getColumnName(i),
              v instanceof Timestamp
                  ? rs.getTimestamp(i).toInstant().toString()
                  : v == null ? null : rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
