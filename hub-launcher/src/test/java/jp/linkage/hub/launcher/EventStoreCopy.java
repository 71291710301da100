package jp.linkage.hub.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.audit.replay.EventLog;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** Copies the core's event store table into another database, so tests can tamper with a copy. */
final class EventStoreCopy {
  private EventStoreCopy() {}

  static void copy(DataSource from, DataSource to) throws SQLException {
    JdbcEventStorageEngine.builder()
        .connectionProvider(to::getConnection)
        .transactionManager(NoTransactionManager.INSTANCE)
        .eventSerializer(EventLog.serializer())
        .snapshotSerializer(EventLog.serializer())
        .build()
        .createSchema(PostgresEventTableFactory.INSTANCE);
    try (Connection src = from.getConnection();
        Connection dst = to.getConnection();
        PreparedStatement q =
            src.prepareStatement("SELECT * FROM domainevententry ORDER BY globalindex");
        ResultSet rs = q.executeQuery()) {
      dst.setAutoCommit(false);
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i));
      }
      String sql =
          "INSERT INTO domainevententry ("
              + String.join(",", columns)
              + ") VALUES ("
              + String.join(",", Collections.nCopies(columns.size(), "?"))
              + ")";
      try (PreparedStatement ins = dst.prepareStatement(sql)) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            ins.setObject(i, rs.getObject(i));
          }
          ins.addBatch();
        }
        ins.executeBatch();
      }
      dst.commit();
    }
  }
}
