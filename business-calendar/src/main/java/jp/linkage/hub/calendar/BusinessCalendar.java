package jp.linkage.hub.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Japanese government's business days (開庁日): every day that is not a weekend, a holiday under
 * the Act on National Holidays ({@link NationalHolidays}) or in the year-end closure of 29 December
 * to 3 January (行政機関の休日に関する法律). Weekends and the closure are today's rules applied to every year;
 * the holidays follow the Act as it stood in each year. Replica deadlines (登録期限) such as "second
 * business day before opening" are computed here, at a configurable opening time (default 08:30
 * Asia/Tokyo). Immutable and thread-safe.
 */
public final class BusinessCalendar {
  /** Default opening time of an office (始業). */
  public static final LocalTime DEFAULT_OPENING = LocalTime.of(8, 30);

  /** The zone every Japanese government deadline is stated in. */
  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static final MonthDay CLOSURE_START = MonthDay.of(12, 29);
  private static final MonthDay CLOSURE_END = MonthDay.of(1, 3);
  private static final NationalHolidays HOLIDAYS = new NationalHolidays();

  private final LocalTime opening;
  private final ZoneId zone;

  private BusinessCalendar(LocalTime opening, ZoneId zone) {
    this.opening = Objects.requireNonNull(opening, "opening");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The government calendar, offices opening at 08:30 Asia/Tokyo. */
  public static BusinessCalendar japaneseGovernment() {
    return new BusinessCalendar(DEFAULT_OPENING, TOKYO);
  }

  /**
   * The same days with another opening time, e.g. an agency whose replica window closes at 09:00.
   */
  public BusinessCalendar withOpening(LocalTime opening, ZoneId zone) {
    return new BusinessCalendar(opening, zone);
  }

  public LocalTime opening() {
    return opening;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Why the day is not a business day, or empty if it is one. Precedence: holiday, closure,
   * weekend.
   */
  public Optional<NonBusinessDay> classify(LocalDate date) {
    Optional<Holiday> holiday =
        HOLIDAYS.holiday(date); // also rejects dates outside the calendar's range
    if (holiday.isPresent()) {
      return Optional.of(
          new NonBusinessDay(
              date, DayKind.HOLIDAY, holiday.get().nameJa(), holiday.get().nameEn()));
    }
    MonthDay md = MonthDay.from(date);
    if (!md.isBefore(CLOSURE_START) || !md.isAfter(CLOSURE_END)) {
      return Optional.of(new NonBusinessDay(date, DayKind.CLOSURE, "年末年始の休日", "Year-end closure"));
    }
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
      return Optional.of(new NonBusinessDay(date, DayKind.WEEKEND, "土曜日", "Saturday"));
    }
    if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return Optional.of(new NonBusinessDay(date, DayKind.WEEKEND, "日曜日", "Sunday"));
    }
    return Optional.empty();
  }

  public boolean isBusinessDay(LocalDate date) {
    return classify(date).isEmpty();
  }

  /** Every non-business day from {@code from} to {@code to}, both inclusive, in date order. */
  public List<NonBusinessDay> nonBusinessDays(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    List<NonBusinessDay> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      classify(d).ifPresent(days::add);
    }
    return days;
  }

  /**
   * The {@code n}-th business day strictly after {@code date} (n ≥ 1), whatever {@code date} itself
   * is.
   */
  public LocalDate nthBusinessDayAfter(LocalDate date, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    LocalDate d = date;
    for (int found = 0; found < n; ) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        found++;
      }
    }
    return d;
  }

  /** {@code date} if it is a business day, else the next one. */
  public LocalDate businessDayOnOrAfter(LocalDate date) {
    return isBusinessDay(date) ? date : nthBusinessDayAfter(date, 1);
  }

  /**
   * How many business days lie after {@code from} up to and including {@code to} (0 if to ≤ from).
   */
  public int businessDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isBusinessDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The deadline "by opening of the n-th business day after": opening time on the n-th business day
   * after the local date (in this calendar's zone) of {@code moment}. A change on Friday evening,
   * on Saturday or early on Monday before opening is counted from its own date alike.
   */
  public Instant openingOfNthBusinessDayAfter(Instant moment, int n) {
    LocalDate day = nthBusinessDayAfter(moment.atZone(zone).toLocalDate(), n);
    return day.atTime(opening).atZone(zone).toInstant();
  }

  /** 翌開庁日の始業前: opening of the next business day after {@code moment}. */
  public Instant nextBusinessDayBeforeOpening(Instant moment) {
    return openingOfNthBusinessDayAfter(moment, 1);
  }

  /** 翌々開庁日の始業前: opening of the second business day after {@code moment}. */
  public Instant secondBusinessDayBeforeOpening(Instant moment) {
    return openingOfNthBusinessDayAfter(moment, 2);
  }
}
