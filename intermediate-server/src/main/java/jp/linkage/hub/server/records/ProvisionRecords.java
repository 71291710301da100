package jp.linkage.hub.server.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.server.api.ProvisionRecord;

/** Writes and lists the agency's provision records; one row per linkage and agency. */
public final class ProvisionRecords {
  private ProvisionRecords() {}

  public static void record(Connection c, ProvisionRecord r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_provision_record (agency, linkage_id,"
                + " role, counterpart, procedure, item, local_id, outcome, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (agency, linkage_id) DO NOTHING")) {
      ps.setString(1, r.agency());
      ps.setString(2, r.linkageId());
      ps.setString(3, r.role());
      ps.setString(4, r.counterpart());
      ps.setString(5, r.procedure());
      ps.setString(6, r.item());
      ps.setString(7, r.localId());
      ps.setString(8, r.outcome());
      ps.setTimestamp(9, Timestamp.from(r.recordedAt()));
      ps.executeUpdate();
    }
  }

  public static List<ProvisionRecord> list(Connection c, String agency) throws SQLException {
    List<ProvisionRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT linkage_id, role, counterpart, procedure, item,"
                + " local_id, outcome, recorded_at FROM is_provision_record WHERE agency = ? ORDER BY recorded_at, linkage_id")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ProvisionRecord(
                  agency,
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant()));
        }
      }
    }
    return out;
  }
}
