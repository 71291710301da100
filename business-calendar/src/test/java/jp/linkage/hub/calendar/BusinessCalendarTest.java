package jp.linkage.hub.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business days, their precedence, and the deadline arithmetic replica windows will use. */
class BusinessCalendarTest {
  private final BusinessCalendar calendar = BusinessCalendar.japaneseGovernment();

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource({
    "2024-12-28, weekend, 土曜日", // Saturday before the closure
    "2024-12-29, closure, 年末年始の休日", // Sunday in the closure: closure wins over weekend
    "2024-12-31, closure, 年末年始の休日",
    "2025-01-01, holiday, 元日", // in the closure, but a holiday by law
    "2025-01-03, closure, 年末年始の休日",
    "2023-01-01, holiday, 元日", // a Sunday: holiday wins over weekend
    "2023-01-02, holiday, 振替休日", // its substitute, also inside the closure
    "2025-05-04, holiday, みどりの日", // a Sunday
    "2025-05-06, holiday, 振替休日",
    "2025-05-11, weekend, 日曜日",
    "2026-09-22, holiday, 国民の休日",
  })
  void classifiesWithHolidayBeforeClosureBeforeWeekend(LocalDate date, String kind, String name) {
    NonBusinessDay day = calendar.classify(date).orElseThrow();
    assertEquals(kind, day.kind().label());
    assertEquals(name, day.nameJa());
    assertFalse(calendar.isBusinessDay(date));
  }

  @ParameterizedTest(name = "{0} is a business day")
  @CsvSource({"2024-12-27", "2025-01-06", "2024-02-29", "2000-02-29", "2019-12-23", "2020-10-12"})
  void businessDays(LocalDate date) {
    assertTrue(calendar.isBusinessDay(date));
    assertEquals(Optional.empty(), calendar.classify(date));
  }

  @Test
  void leapDaysCount() {
    assertEquals(
        LocalDate.of(2024, 2, 29), calendar.nthBusinessDayAfter(LocalDate.of(2024, 2, 28), 1));
    assertEquals(
        LocalDate.of(2023, 3, 1), calendar.nthBusinessDayAfter(LocalDate.of(2023, 2, 28), 1));
    // 2020-02-29 is a Saturday, 2020-02-24 the substitute for 天皇誕生日 on Sunday 02-23
    assertEquals(
        LocalDate.of(2020, 3, 2), calendar.nthBusinessDayAfter(LocalDate.of(2020, 2, 28), 1));
    assertEquals(
        LocalDate.of(2020, 2, 25), calendar.nthBusinessDayAfter(LocalDate.of(2020, 2, 21), 1));
  }

  @Test
  void nthBusinessDayAfterSkipsTheClosureAndGoldenWeek() {
    assertEquals(
        LocalDate.of(2025, 1, 6), calendar.nthBusinessDayAfter(LocalDate.of(2024, 12, 27), 1));
    assertEquals(
        LocalDate.of(2025, 1, 7), calendar.nthBusinessDayAfter(LocalDate.of(2024, 12, 27), 2));
    assertEquals(
        LocalDate.of(2025, 5, 7), calendar.nthBusinessDayAfter(LocalDate.of(2025, 5, 2), 1));
    // counted from a non-business day too: Saturday → Monday
    assertEquals(
        LocalDate.of(2025, 6, 16), calendar.nthBusinessDayAfter(LocalDate.of(2025, 6, 14), 1));
    assertEquals(
        LocalDate.of(2025, 6, 16), calendar.businessDayOnOrAfter(LocalDate.of(2025, 6, 14)));
    assertEquals(
        LocalDate.of(2025, 6, 13), calendar.businessDayOnOrAfter(LocalDate.of(2025, 6, 13)));
    assertThrows(
        IllegalArgumentException.class,
        () -> calendar.nthBusinessDayAfter(LocalDate.of(2025, 6, 13), 0));
  }

  @Test
  void businessDaysBetweenCountsTheEndNotTheStart() {
    assertEquals(
        1, calendar.businessDaysBetween(LocalDate.of(2024, 12, 27), LocalDate.of(2025, 1, 6)));
    assertEquals(
        0, calendar.businessDaysBetween(LocalDate.of(2024, 12, 27), LocalDate.of(2025, 1, 5)));
    assertEquals(
        0, calendar.businessDaysBetween(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6)));
    assertEquals(
        5, calendar.businessDaysBetween(LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 13)));
  }

  @Test
  void secondBusinessDayBeforeOpeningAcrossTheYearEnd() {
    Instant friday = OffsetDateTime.parse("2024-12-27T10:00:00+09:00").toInstant();
    assertEquals(
        OffsetDateTime.parse("2025-01-06T08:30:00+09:00").toInstant(),
        calendar.nextBusinessDayBeforeOpening(friday));
    assertEquals(
        OffsetDateTime.parse("2025-01-07T08:30:00+09:00").toInstant(),
        calendar.secondBusinessDayBeforeOpening(friday));
  }

  @Test
  void theDayIsTakenInTokyoNotInUtc() {
    // 2024-03-19T16:00Z is 01:00 on 春分の日 (Wednesday 03-20) in Tokyo: the next business day is 03-21
    Instant equinoxNight = Instant.parse("2024-03-19T16:00:00Z");
    assertEquals(
        Instant.parse("2024-03-20T23:30:00Z"), calendar.nextBusinessDayBeforeOpening(equinoxNight));
  }

  @Test
  void openingTimeIsConfigurable() {
    BusinessCalendar nine = calendar.withOpening(LocalTime.of(9, 0), ZoneId.of("Asia/Tokyo"));
    Instant monday = OffsetDateTime.parse("2025-06-09T12:00:00+09:00").toInstant();
    assertEquals(
        OffsetDateTime.parse("2025-06-11T09:00:00+09:00").toInstant(),
        nine.secondBusinessDayBeforeOpening(monday));
    assertEquals(
        OffsetDateTime.parse("2025-06-12T08:30:00+09:00").toInstant(),
        calendar.openingOfNthBusinessDayAfter(monday, 3));
  }

  @Test
  void listsNonBusinessDaysOfARange() {
    List<NonBusinessDay> days =
        calendar.nonBusinessDays(LocalDate.of(2024, 12, 27), LocalDate.of(2025, 1, 6));
    assertEquals(
        List.of(
            "2024-12-28 weekend",
            "2024-12-29 closure",
            "2024-12-30 closure",
            "2024-12-31 closure",
            "2025-01-01 holiday",
            "2025-01-02 closure",
            "2025-01-03 closure",
            "2025-01-04 weekend",
            "2025-01-05 weekend"),
        days.stream().map(d -> d.date() + " " + d.kind().label()).toList());
    assertThrows(
        IllegalArgumentException.class,
        () -> calendar.nonBusinessDays(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)));
    assertThrows(
        CalendarRangeException.class, () -> calendar.isBusinessDay(LocalDate.of(2100, 1, 4)));
  }
}
