package jp.linkage.hub.server.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.Violation;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.support.Jdbc;
import jp.linkage.hub.server.support.ServerSchema;

/**
 * Replica registration (副本登録) and change notices (異動通知), with their deadlines (登録期限). Needs only
 * the intermediate server's database, so a batch import on the server's host uses it as the running
 * server does.
 *
 * <p>Registrations are ordered by master time, not by arrival: a change older than what the replica
 * holds is {@link Registration.Status#SUPERSEDED} (a late batch file never undoes a live update),
 * and re-applying what the replica holds is {@link Registration.Status#UNCHANGED}, so imports are
 * idempotent.
 */
public final class ReplicaRegistrar {
  /**
   * How far in the future a master change time may lie (clock skew between back-office and server).
   */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final DataSource dataSource;
  private final LayoutValidator layouts;
  private final ReplicaPolicies policies;
  private final BusinessCalendar calendar;
  private final Clock clock;

  public ReplicaRegistrar(
      DataSource dataSource,
      LayoutValidator layouts,
      ReplicaPolicies policies,
      BusinessCalendar calendar,
      Clock clock) {
    this.dataSource = dataSource;
    this.layouts = layouts;
    this.policies = policies;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Validates {@code update} against its layout and registers it in its own transaction. */
  public Registration register(ReplicaUpdate update) throws SQLException, ReplicaRejectedException {
    return registerAll(List.of(update)).get(0);
  }

  /**
   * Registers every update in one transaction (one access-log head update). Every update must meet
   * its layout; otherwise nothing is registered and the exception lists the first bad update's
   * violations.
   */
  public List<Registration> registerAll(List<ReplicaUpdate> updates)
      throws SQLException, ReplicaRejectedException {
    Instant now = clock.instant();
    for (ReplicaUpdate u : updates) {
      check(u, now);
    }
    return Jdbc.inTransaction(dataSource, c -> applyAll(c, updates, now));
  }

  /** Records a change notice; answers show the change as pending until it is registered. */
  public NoticeReceipt notice(ChangeNotice notice) throws SQLException, ReplicaRejectedException {
    return Jdbc.inTransaction(dataSource, c -> noticeIn(c, notice));
  }

  /**
   * As {@link #notice}, in the caller's transaction (the back-office link records its inbox row and
   * reply with it); refuses before writing anything.
   */
  public NoticeReceipt noticeIn(Connection c, ChangeNotice notice)
      throws SQLException, ReplicaRejectedException {
    Instant now = clock.instant();
    if (!layouts.knowsItem(notice.item())) {
      throw new ReplicaRejectedException(
          "item", "UNKNOWN_ITEM", "no data standard layout defines item " + notice.item());
    }
    checkNotFuture(notice.masterChangedAt(), now);
    Instant deadline = deadline(notice.item(), notice.masterChangedAt());
    Optional<Instant> held =
        ReplicaStore.masterChangedAt(c, notice.agency(), notice.item(), notice.localId());
    if (held.isPresent() && !held.get().isBefore(notice.masterChangedAt())) {
      return new NoticeReceipt(notice, now, deadline, NoticeReceipt.Status.ALREADY_REGISTERED);
    }
    ChangeNotices.record(c, notice, now, deadline);
    return new NoticeReceipt(notice, now, deadline, NoticeReceipt.Status.PENDING);
  }

  /**
   * Validates and registers one update in the caller's transaction (the back-office link's inbox
   * row and acknowledgement commit with it); refuses before writing anything.
   */
  public Registration registerIn(Connection c, ReplicaUpdate update)
      throws SQLException, ReplicaRejectedException {
    Instant now = clock.instant();
    check(update, now);
    return applyAll(c, List.of(update), now).get(0);
  }

  /** Applies checked updates in the caller's transaction, with one access-log head update. */
  private List<Registration> applyAll(Connection c, List<ReplicaUpdate> updates, Instant now)
      throws SQLException {
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    List<Registration> done = new ArrayList<>(updates.size());
    for (ReplicaUpdate u : updates) {
      done.add(apply(c, accessLog, u, now));
    }
    accessLog.flush();
    return done;
  }

  private Instant deadline(String item, Instant masterChangedAt) {
    return policies.deadline(item, masterChangedAt, calendar).orElse(null);
  }

  private void check(ReplicaUpdate u, Instant now) throws ReplicaRejectedException {
    List<Violation> violations = layouts.validate(u.item(), u.document());
    if (!violations.isEmpty()) {
      throw new ReplicaRejectedException(
          violations.stream()
              .map(
                  v ->
                      new ReplicaRejectedException.Problem(
                          v.fieldPath(), v.rule().name(), v.message()))
              .toList(),
          violations.toString());
    }
    checkNotFuture(u.masterChangedAt(), now);
  }

  private static void checkNotFuture(Instant masterChangedAt, Instant now)
      throws ReplicaRejectedException {
    if (masterChangedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw new ReplicaRejectedException(
          "masterChangedAt",
          "NOT_IN_FUTURE",
          "the master cannot have changed at " + masterChangedAt + ", after now (" + now + ")");
    }
  }

  private Registration apply(Connection c, ChainAppender accessLog, ReplicaUpdate u, Instant now)
      throws SQLException {
    Instant deadline = deadline(u.item().code(), u.masterChangedAt());
    Optional<ReplicaStore.Current> current = ReplicaStore.current(c, u);
    if (current.isPresent() && current.get().masterChangedAt().isAfter(u.masterChangedAt())) {
      return new Registration(u, Registration.Status.SUPERSEDED, now, deadline, false);
    }
    if (current.isPresent()
        && current.get().masterChangedAt().equals(u.masterChangedAt())
        && current.get().sameContent()) {
      return new Registration(u, Registration.Status.UNCHANGED, now, deadline, false);
    }
    ReplicaStore.write(
        c,
        accessLog,
        new ReplicaRecord(
            u.agency(), u.item(), u.localId(), u.document(), u.masterChangedAt(), now, deadline));
    ChangeNotices.resolveUpTo(
        c, u.agency(), u.item().code(), u.localId(), u.masterChangedAt(), now);
    boolean late = deadline != null && now.isAfter(deadline);
    if (late) {
      ReplicaAlerts.raise(
          c,
          new ReplicaAlert(
              0,
              u.agency(),
              ReplicaAlert.LATE_REGISTRATION,
              u.item().code(),
              u.localId(),
              u.masterChangedAt(),
              deadline,
              null,
              "registered at "
                  + now
                  + ", "
                  + Duration.between(deadline, now).toMinutes()
                  + " min after its deadline",
              now));
    }
    return new Registration(u, Registration.Status.APPLIED, now, deadline, late);
  }
}
