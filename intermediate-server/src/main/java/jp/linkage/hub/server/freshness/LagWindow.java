package jp.linkage.hub.server.freshness;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Optional;
import jp.linkage.hub.calendar.BusinessCalendar;

/**
 * 登録期限: how late an item's replica (副本) may follow its master (正本). The deadline of a change is
 * computed from the moment the master changed, on the government's business-day calendar. The kinds
 * are the ones in use in the real system (same day, next or second business day before opening, N
 * days, month-end batch, mid next month, yearly by 1 July), plus {@link Immediate} for window 0 and
 * {@link Undecided} for the items whose deadline nobody has fixed (no deadline, so no overdue
 * alerts, and answers say so).
 *
 * <p>"By day X" means by the end of day X (24:00 in the calendar's zone); "before opening" means by
 * the calendar's opening time on that day.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LagWindow.Immediate.class, name = "IMMEDIATE"),
  @JsonSubTypes.Type(value = LagWindow.SameDay.class, name = "SAME_DAY"),
  @JsonSubTypes.Type(value = LagWindow.BusinessDays.class, name = "BUSINESS_DAYS_BEFORE_OPENING"),
  @JsonSubTypes.Type(value = LagWindow.CalendarDays.class, name = "CALENDAR_DAYS"),
  @JsonSubTypes.Type(value = LagWindow.MonthEnd.class, name = "MONTH_END"),
  @JsonSubTypes.Type(value = LagWindow.MidNextMonth.class, name = "MID_NEXT_MONTH"),
  @JsonSubTypes.Type(value = LagWindow.Yearly.class, name = "YEARLY"),
  @JsonSubTypes.Type(value = LagWindow.Undecided.class, name = "UNDECIDED")
})
public sealed interface LagWindow {

  /** The deadline for a master change at {@code masterChangedAt}; empty when none is fixed. */
  Optional<Instant> deadline(Instant masterChangedAt, BusinessCalendar calendar);

  /** A short English description for operators and the catalogue. */
  String describe();

  /**
   * Window 0 (即時): as soon as possible, at most {@code within} after the change (default 1 s, the
   * hub's freshness target, so that a registration taking the usual milliseconds is not "late").
   */
  record Immediate(Duration within) implements LagWindow {
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(1);

    public Immediate {
      within = within == null ? DEFAULT_WITHIN : within;
      if (within.isNegative()) {
        throw new IllegalArgumentException("within must not be negative: " + within);
      }
    }

    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.of(changed.plus(within));
    }

    @Override
    public String describe() {
      return within.isZero() ? "as soon as possible" : "within " + within;
    }
  }

  /** 即日: by the end of the day of the change. */
  record SameDay() implements LagWindow {
    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.of(endOf(localDate(changed, calendar), calendar));
    }

    @Override
    public String describe() {
      return "same day";
    }
  }

  /** 翌開庁日 / 翌々開庁日の始業前: by opening on the {@code days}-th business day after the change. */
  record BusinessDays(int days) implements LagWindow {
    public BusinessDays {
      if (days < 1) {
        throw new IllegalArgumentException("days must be at least 1, was " + days);
      }
    }

    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.of(calendar.openingOfNthBusinessDayAfter(changed, days));
    }

    @Override
    public String describe() {
      return days == 1
          ? "next business day before opening"
          : days == 2
              ? "second business day before opening"
              : days + "th business day before opening";
    }
  }

  /** N日以内: by the end of the {@code days}-th calendar day after the change. */
  record CalendarDays(int days) implements LagWindow {
    public CalendarDays {
      if (days < 0) {
        throw new IllegalArgumentException("days must not be negative, was " + days);
      }
    }

    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.of(endOf(localDate(changed, calendar).plusDays(days), calendar));
    }

    @Override
    public String describe() {
      return "within " + days + " calendar days";
    }
  }

  /** 月末一括: by the end of the month of the change. */
  record MonthEnd() implements LagWindow {
    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      LocalDate d = localDate(changed, calendar);
      return Optional.of(endOf(d.withDayOfMonth(d.lengthOfMonth()), calendar));
    }

    @Override
    public String describe() {
      return "by the end of the month";
    }
  }

  /** 翌月中旬: by the end of day {@code day} (default 15) of the month after the change. */
  record MidNextMonth(Integer day) implements LagWindow {
    public MidNextMonth {
      day = day == null ? 15 : day;
      if (day < 1 || day > 28) {
        throw new IllegalArgumentException("day must be 1-28, was " + day);
      }
    }

    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.of(
          endOf(localDate(changed, calendar).plusMonths(1).withDayOfMonth(day), calendar));
    }

    @Override
    public String describe() {
      return "by day " + day + " of the next month";
    }
  }

  /**
   * 年次: by the end of the next {@code month}/{@code day} strictly after the change (local tax
   * assessments are registered once a year, by 1 July).
   */
  record Yearly(int month, int day) implements LagWindow {
    public Yearly {
      MonthDay.of(month, day); // validates
    }

    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      LocalDate d = localDate(changed, calendar);
      LocalDate due = MonthDay.of(month, day).atYear(d.getYear());
      if (!due.isAfter(d)) {
        due = MonthDay.of(month, day).atYear(d.getYear() + 1);
      }
      return Optional.of(endOf(due, calendar));
    }

    @Override
    public String describe() {
      return "yearly by " + MonthDay.of(month, day);
    }
  }

  /** 未定: no deadline has been fixed; never overdue, and answers say there is no deadline. */
  record Undecided() implements LagWindow {
    @Override
    public Optional<Instant> deadline(Instant changed, BusinessCalendar calendar) {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "no deadline fixed";
    }
  }

  private static LocalDate localDate(Instant moment, BusinessCalendar calendar) {
    return moment.atZone(calendar.zone()).toLocalDate();
  }

  /** 24:00 of {@code day}, i.e. the start of the next day, in the calendar's zone. */
  private static Instant endOf(LocalDate day, BusinessCalendar calendar) {
    return day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(calendar.zone()).toInstant();
  }
}
