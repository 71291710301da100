package jp.linkage.hub.audit.monitor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import jp.linkage.hub.audit.monitor.Finding.Rule;
import jp.linkage.hub.audit.monitor.Finding.Severity;
import jp.linkage.hub.audit.monitor.MonitorViews.ChainStatus;
import jp.linkage.hub.audit.monitor.MonitorViews.Findings;
import jp.linkage.hub.audit.monitor.MonitorViews.Flow;
import jp.linkage.hub.audit.monitor.MonitorViews.Overview;
import jp.linkage.hub.audit.monitor.MonitorViews.RecordView;
import jp.linkage.hub.audit.monitor.MonitorViews.RejectionGroup;
import jp.linkage.hub.audit.monitor.MonitorViews.ReplicaAlertGroup;
import jp.linkage.hub.calendar.NationalHolidays;
import jp.linkage.hub.calendar.NonBusinessDay;
import jp.linkage.hub.chain.ChainVerifier;
import jp.linkage.hub.core.records.CoreSchema;
import jp.linkage.hub.core.records.ProvisionRecordProjection;

/**
 * The monitoring and supervision views (監視・監督) of the Personal Information Protection Commission
 * over the hub's copy of the provision records, its rejected messages and the replica alerts the
 * agencies reported. Read-only: every query runs in one read-only, repeatable-read transaction, so
 * a view is one consistent snapshot even while the hub writes.
 *
 * <p>The symbols in {@code core_provision_record} are used inside the database to recognise
 * repeated queries about one person, and never leave it: no view carries a symbol.
 */
public final class ProvisionMonitor {
  private final DataSource core;
  private final MonitorRules rules;
  private final Clock clock;

  public ProvisionMonitor(DataSource core, MonitorRules rules, Clock clock) {
    this.core = core;
    this.rules = rules;
    this.clock = clock;
  }

  public MonitorRules rules() {
    return rules;
  }

  public Overview overview(Period p) throws SQLException {
    return read(
        c -> {
          long requested;
          long answered;
          long pending;
          long denied;
          Double p50;
          Double p99;
          Instant oldestPending;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*),"
                      + " count(*) FILTER (WHERE status = 'ANSWERED'), count(*) FILTER (WHERE status = 'AUTHORISED'),"
                      + " count(*) FILTER (WHERE status = 'DENIED'),"
                      + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - requested_at) * 1000)"
                      + "   FILTER (WHERE status = 'ANSWERED'),"
                      + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - requested_at) * 1000)"
                      + "   FILTER (WHERE status = 'ANSWERED'),"
                      + " min(requested_at) FILTER (WHERE status = 'AUTHORISED')"
                      + " FROM core_provision_record WHERE requested_at >= ? AND requested_at < ?")) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              requested = rs.getLong(1);
              answered = rs.getLong(2);
              pending = rs.getLong(3);
              denied = rs.getLong(4);
              p50 = (Double) rs.getObject(5);
              p99 = (Double) rs.getObject(6);
              oldestPending = instant(rs.getTimestamp(7));
            }
          }
          Map<String, Long> outcomes =
              counts(
                  c,
                  "SELECT outcome, count(*) FROM core_provision_record"
                      + " WHERE status = 'ANSWERED' AND requested_at >= ? AND requested_at < ? GROUP BY outcome",
                  p);
          Map<String, Long> reasons =
              counts(
                  c,
                  "SELECT reason, count(*) FROM core_provision_record"
                      + " WHERE status = 'DENIED' AND requested_at >= ? AND requested_at < ? GROUP BY reason",
                  p);
          long rejected;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM core_rejected_message WHERE rejected_at >= ? AND rejected_at < ?")) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              rejected = rs.getLong(1);
            }
          }
          long alerts;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM core_replica_alert WHERE raised_at >= ? AND raised_at < ?")) {
            bind(ps, p);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              alerts = rs.getLong(1);
            }
          }
          return new Overview(
              p.from(),
              p.to(),
              requested,
              answered,
              pending,
              denied,
              outcomes,
              reasons,
              rejected,
              alerts,
              p50,
              p99,
              oldestPending);
        });
  }

  public List<Flow> flows(Period p) throws SQLException {
    return read(
        c ->
            rows(
                c,
                "SELECT querier, provider, procedure, item, count(*),"
                    + " count(*) FILTER (WHERE status = 'ANSWERED'), count(*) FILTER (WHERE status = 'DENIED'),"
                    + " count(*) FILTER (WHERE status = 'AUTHORISED')"
                    + " FROM core_provision_record WHERE requested_at >= ? AND requested_at < ?"
                    + " GROUP BY querier, provider, procedure, item ORDER BY count(*) DESC, querier, provider, procedure, item",
                p,
                rs ->
                    new Flow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8))));
  }

  public List<RejectionGroup> rejections(Period p) throws SQLException {
    return read(
        c ->
            rows(
                c,
                "SELECT sender, field, rule, count(*), max(rejected_at),"
                    + " (array_agg(message ORDER BY rejected_at DESC, id DESC))[1]"
                    + " FROM core_rejected_message WHERE rejected_at >= ? AND rejected_at < ?"
                    + " GROUP BY sender, field, rule ORDER BY count(*) DESC, sender, field, rule",
                p,
                rs ->
                    new RejectionGroup(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        instant(rs.getTimestamp(5)),
                        rs.getString(6))));
  }

  /** Replica alerts the agencies reported, raised in the period, per agency, item and kind. */
  public List<ReplicaAlertGroup> replicaAlerts(Period p) throws SQLException {
    return read(
        c ->
            rows(
                c,
                "SELECT agency, item, kind, count(*), min(deadline),"
                    + " max(raised_at), (array_agg(detail ORDER BY raised_at DESC, alert_id DESC))[1]"
                    + " FROM core_replica_alert WHERE raised_at >= ? AND raised_at < ?"
                    + " GROUP BY agency, item, kind ORDER BY count(*) DESC, agency, item, kind",
                p,
                rs ->
                    new ReplicaAlertGroup(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7))));
  }

  public Optional<RecordView> record(String linkageId) throws SQLException {
    return read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT linkage_id, querier, provider, procedure, item,"
                      + " status, reason, table_version, row_id, requested_at, answered_at, outcome, payload_digest"
                      + " FROM core_provision_record WHERE linkage_id = ?")) {
            ps.setString(1, linkageId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new RecordView(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9),
                      instant(rs.getTimestamp(10)),
                      instant(rs.getTimestamp(11)),
                      rs.getString(12),
                      rs.getString(13)));
            }
          }
        });
  }

  /** Recomputes the provision-records chain from genesis to head (reads the whole chain). */
  public ChainStatus verifyChain() throws SQLException {
    return read(
        c -> {
          ChainVerifier.Result r =
              ChainVerifier.verify(
                  c, CoreSchema.CHAIN.tablePrefix(), ProvisionRecordProjection.CHAIN_NAME);
          return new ChainStatus(
              r.chain(), r.entries(), r.intact(), r.firstBreak().orElse(null), clock.instant());
        });
  }

  /**
   * Every rule over the period: denied queries, repeated queries about one person, off-hours
   * queries.
   */
  public Findings findings(Period p) throws SQLException {
    List<Finding> found =
        read(
            c -> {
              List<Finding> all = new ArrayList<>(denied(c, p));
              all.addAll(repeatedPerson(c, p));
              all.addAll(outsideOfficeHours(c, p));
              all.addAll(overdueReplicas(c, p));
              return all;
            });
    return new Findings(
        p.from(),
        p.to(),
        rules.repeatedPersonThreshold(),
        String.format(
            "%02d:00–%02d:00 %s", rules.firstHour(), rules.endHour(), rules.calendar().zone()),
        found);
  }

  private List<Finding> denied(Connection c, Period p) throws SQLException {
    return rows(
        c,
        "SELECT querier, provider, procedure, item, reason, count(*), min(requested_at), max(requested_at),"
            + " (array_agg(linkage_id ORDER BY requested_at, linkage_id))[1:"
            + Finding.SAMPLES
            + "]"
            + " FROM core_provision_record WHERE status = 'DENIED' AND requested_at >= ? AND requested_at < ?"
            + " GROUP BY querier, provider, procedure, item, reason ORDER BY count(*) DESC, querier, provider",
        p,
        rs ->
            new Finding(
                Rule.DENIED_QUERIES,
                Severity.WARNING,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(6),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                "denied: " + rs.getString(5),
                strings(rs.getArray(9))));
  }

  private List<Finding> repeatedPerson(Connection c, Period p) throws SQLException {
    List<Finding> findings = new ArrayList<>();
    // grouped by the querier's symbol inside the database; the symbol itself is not selected.
    // Counting
    // first and collecting linkage ids only for the groups over the threshold keeps a month of
    // records
    // from being sorted into arrays that are thrown away.
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH hits AS (SELECT querier, querier_symbol, provider, item"
                + " FROM core_provision_record WHERE querier_symbol IS NOT NULL AND requested_at >= ? AND requested_at < ?"
                + " GROUP BY querier, querier_symbol, provider, item HAVING count(*) >= ?)"
                + " SELECT r.querier, r.provider, min(r.procedure), r.item, count(*), min(r.requested_at), max(r.requested_at),"
                + " (array_agg(r.linkage_id ORDER BY r.requested_at, r.linkage_id))[1:?], count(DISTINCT r.procedure)"
                + " FROM hits h JOIN core_provision_record r ON r.querier = h.querier AND r.querier_symbol = h.querier_symbol"
                + " AND r.provider = h.provider AND r.item = h.item AND r.requested_at >= ? AND r.requested_at < ?"
                + " GROUP BY r.querier, r.querier_symbol, r.provider, r.item ORDER BY count(*) DESC, r.querier, r.provider, r.item")) {
      ps.setTimestamp(1, Timestamp.from(p.from()));
      ps.setTimestamp(2, Timestamp.from(p.to()));
      ps.setInt(3, rules.repeatedPersonThreshold());
      ps.setInt(4, Finding.SAMPLES);
      ps.setTimestamp(5, Timestamp.from(p.from()));
      ps.setTimestamp(6, Timestamp.from(p.to()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long n = rs.getLong(5);
          int procedures = rs.getInt(9);
          String procedure = procedures == 1 ? rs.getString(3) : procedures + " procedures";
          findings.add(
              new Finding(
                  Rule.REPEATED_PERSON,
                  Severity.WARNING,
                  rs.getString(1),
                  rs.getString(2),
                  procedure,
                  rs.getString(4),
                  n,
                  instant(rs.getTimestamp(6)),
                  instant(rs.getTimestamp(7)),
                  "one person queried "
                      + n
                      + " times (threshold "
                      + rules.repeatedPersonThreshold()
                      + ")",
                  strings(rs.getArray(8))));
        }
      }
    }
    return findings;
  }

  private List<Finding> overdueReplicas(Connection c, Period p) throws SQLException {
    return rows(
        c,
        "SELECT agency, item, count(*), min(raised_at), max(raised_at), min(deadline)"
            + " FROM core_replica_alert WHERE kind = 'OVERDUE' AND raised_at >= ? AND raised_at < ?"
            + " GROUP BY agency, item ORDER BY count(*) DESC, agency, item",
        p,
        rs ->
            new Finding(
                Rule.OVERDUE_REPLICAS,
                Severity.WARNING,
                null,
                rs.getString(1),
                null,
                rs.getString(2),
                rs.getLong(3),
                instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)),
                rs.getLong(3)
                    + " master change(s) not in the replica by their deadline; earliest deadline "
                    + instant(rs.getTimestamp(6)),
                List.of()));
  }

  /**
   * The database counts queries per flow and local hour; the calendar, which only Java knows, then
   * decides which of those hours were outside office hours or on a closed day.
   */
  private List<Finding> outsideOfficeHours(Connection c, Period p) throws SQLException {
    ZoneId zone = rules.calendar().zone();
    Map<List<String>, OffHours> byFlow = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT querier, provider, procedure, item,"
                + " (requested_at AT TIME ZONE ?)::date AS day, extract(hour FROM requested_at AT TIME ZONE ?)::int AS hour,"
                + " count(*), min(requested_at), max(requested_at),"
                + " (array_agg(linkage_id ORDER BY requested_at, linkage_id))[1:?]"
                + " FROM core_provision_record WHERE requested_at >= ? AND requested_at < ?"
                // only the candidates: closed days (from the calendar) and hours outside office
                // hours
                + " AND ((requested_at AT TIME ZONE ?)::date = ANY (?)"
                + "   OR extract(hour FROM requested_at AT TIME ZONE ?) NOT BETWEEN ? AND ?)"
                + " GROUP BY querier, provider, procedure, item, day, hour ORDER BY querier, provider, procedure, item, day, hour")) {
      ps.setString(1, zone.getId());
      ps.setString(2, zone.getId());
      ps.setInt(3, Finding.SAMPLES);
      ps.setTimestamp(4, Timestamp.from(p.from()));
      ps.setTimestamp(5, Timestamp.from(p.to()));
      ps.setString(6, zone.getId());
      ps.setArray(7, c.createArrayOf("date", closedDays(p).toArray()));
      ps.setString(8, zone.getId());
      ps.setInt(9, rules.firstHour());
      ps.setInt(10, rules.endHour() - 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getDate(5).toLocalDate();
          int hour = rs.getInt(6);
          Optional<NonBusinessDay> closed = rules.calendar().classify(day);
          String why;
          if (closed.isPresent()) {
            why =
                day
                    + " "
                    + closed.get().nameJa()
                    + " ("
                    + closed.get().kind().name().toLowerCase()
                    + ")";
          } else if (hour < rules.firstHour() || hour >= rules.endHour()) {
            why = day + String.format(" %02d:00–%02d:59", hour, hour);
          } else {
            continue;
          }
          List<String> flow =
              List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
          byFlow
              .computeIfAbsent(flow, f -> new OffHours())
              .add(
                  why,
                  rs.getLong(7),
                  instant(rs.getTimestamp(8)),
                  instant(rs.getTimestamp(9)),
                  strings(rs.getArray(10)));
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    byFlow.forEach(
        (flow, off) ->
            findings.add(
                new Finding(
                    Rule.OUTSIDE_OFFICE_HOURS,
                    Severity.NOTICE,
                    flow.get(0),
                    flow.get(1),
                    flow.get(2),
                    flow.get(3),
                    off.count,
                    off.first,
                    off.last,
                    off.detail(),
                    off.samples.subList(0, Math.min(Finding.SAMPLES, off.samples.size())))));
    findings.sort(Comparator.comparingLong(Finding::count).reversed());
    return findings;
  }

  /** The days in the period (in the calendar's zone) on which government offices are closed. */
  private List<java.sql.Date> closedDays(Period p) {
    ZoneId zone = rules.calendar().zone();
    LocalDate first = p.from().atZone(zone).toLocalDate();
    LocalDate last = p.to().atZone(zone).toLocalDate();
    LocalDate calendarStart =
        LocalDate.of(NationalHolidays.FIRST_YEAR, 1, 1); // the calendar's range
    LocalDate calendarEnd = LocalDate.of(NationalHolidays.LAST_YEAR, 12, 31);
    first = first.isBefore(calendarStart) ? calendarStart : first;
    last = last.isAfter(calendarEnd) ? calendarEnd : last;
    List<java.sql.Date> closed = new ArrayList<>();
    for (NonBusinessDay d :
        rules.calendar().nonBusinessDays(first, last.isBefore(first) ? first : last)) {
      closed.add(java.sql.Date.valueOf(d.date()));
    }
    return closed;
  }

  /** The off-hours matches of one flow, accumulated hour by hour. */
  private static final class OffHours {
    private final Map<String, Long> whens = new TreeMap<>();
    private final List<String> samples = new ArrayList<>();
    private long count;
    private Instant first;
    private Instant last;

    void add(String when, long n, Instant firstAt, Instant lastAt, List<String> ids) {
      whens.merge(when, n, Long::sum); // a closed day's label is shared by all its hours

      count += n;
      first = first == null || firstAt.isBefore(first) ? firstAt : first;
      last = last == null || lastAt.isAfter(last) ? lastAt : last;
      samples.addAll(ids);
    }

    String detail() {
      StringBuilder b = new StringBuilder();
      int shown = 0;
      for (Map.Entry<String, Long> e : whens.entrySet()) {
        if (shown == 5) {
          b.append(", … (").append(whens.size() - shown).append(" more)");
          break;
        }
        b.append(shown == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
        shown++;
      }
      return b.toString();
    }
  }

  private static Map<String, Long> counts(Connection c, String sql, Period p) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, p);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  @FunctionalInterface
  private interface Row<T> {
    T of(ResultSet rs) throws SQLException;
  }

  /** Every row of {@code sql}, whose two parameters are the period's bounds. */
  private static <T> List<T> rows(Connection c, String sql, Period p, Row<T> row)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, p);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.of(rs));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, Period p) throws SQLException {
    ps.setTimestamp(1, Timestamp.from(p.from()));
    ps.setTimestamp(2, Timestamp.from(p.to()));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  @FunctionalInterface
  private interface Read<T> {
    T apply(Connection c) throws SQLException;
  }

  /** One read-only repeatable-read snapshot per view. */
  private <T> T read(Read<T> view) throws SQLException {
    try (Connection c = core.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        return view.apply(c);
      } finally {
        c.rollback();
      }
    }
  }
}
