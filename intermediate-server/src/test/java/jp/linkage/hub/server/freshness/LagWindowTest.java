package jp.linkage.hub.server.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import jp.linkage.hub.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

/**
 * Every window kind's deadline, on dates where weekends, holidays and the year-end closure matter.
 */
class LagWindowTest {
  private static final BusinessCalendar CAL = BusinessCalendar.japaneseGovernment();

  private static Instant tokyo(String localDateTime) {
    return ZonedDateTime.parse(localDateTime + "+09:00[Asia/Tokyo]").toInstant();
  }

  @Test
  void secondBusinessDayBeforeOpeningSkipsTheWeekendAndLabourThanksgiving() {
    // Friday 2026-11-20 evening; Sat, Sun, Mon 23 (勤労感謝の日) are not business days: Tue 24 is the
    // first business day after, Wed 25 the second, so the deadline is 08:30 on Wednesday.
    Instant changed = tokyo("2026-11-20T18:00");
    assertEquals(
        Optional.of(tokyo("2026-11-25T08:30")),
        new LagWindow.BusinessDays(2).deadline(changed, CAL));
    assertEquals(
        Optional.of(tokyo("2026-11-24T08:30")),
        new LagWindow.BusinessDays(1).deadline(changed, CAL));
  }

  @Test
  void businessDaysSkipTheYearEndClosure() {
    // 2026-12-28 is a Monday; 29 Dec – 3 Jan is closed, 2027-01-04 is a Monday and a business day
    Instant changed = tokyo("2026-12-28T10:00");
    assertEquals(
        Optional.of(tokyo("2027-01-05T08:30")),
        new LagWindow.BusinessDays(2).deadline(changed, CAL));
  }

  @Test
  void aChangeBeforeMidnightUtcCountsFromItsTokyoDate() {
    // 2026-11-19T23:30Z is already Friday 20 November 08:30 in Tokyo
    Instant changed = Instant.parse("2026-11-19T23:30:00Z");
    assertEquals(
        Optional.of(tokyo("2026-11-25T08:30")),
        new LagWindow.BusinessDays(2).deadline(changed, CAL));
  }

  @Test
  void calendarWindowsEndAtMidnightTokyo() {
    Instant changed = tokyo("2026-01-31T09:15");
    assertEquals(
        Optional.of(tokyo("2026-02-01T00:00")), new LagWindow.SameDay().deadline(changed, CAL));
    assertEquals(
        Optional.of(tokyo("2026-02-09T00:00")),
        new LagWindow.CalendarDays(8).deadline(changed, CAL));
    assertEquals(
        Optional.of(tokyo("2026-02-01T00:00")), new LagWindow.MonthEnd().deadline(changed, CAL));
    assertEquals(
        Optional.of(tokyo("2026-02-16T00:00")),
        new LagWindow.MidNextMonth(15).deadline(changed, CAL));
    assertEquals(
        Optional.of(tokyo("2026-03-01T00:00")),
        new LagWindow.MonthEnd().deadline(tokyo("2026-02-10T12:00"), CAL),
        "February has 28 days in 2026");
  }

  @Test
  void yearlyWindowIsTheNextFirstOfJulyAfterTheChange() {
    LagWindow july = new LagWindow.Yearly(7, 1);
    assertEquals(
        Optional.of(tokyo("2026-07-02T00:00")), july.deadline(tokyo("2026-05-20T10:00"), CAL));
    assertEquals(
        Optional.of(tokyo("2027-07-02T00:00")),
        july.deadline(tokyo("2026-07-01T10:00"), CAL),
        "a change on 1 July itself is due the next year");
  }

  @Test
  void immediateAndUndecided() {
    Instant changed = tokyo("2026-11-20T18:00");
    assertEquals(
        Optional.of(changed.plusSeconds(1)),
        new LagWindow.Immediate(null).deadline(changed, CAL),
        "default: the hub's 1 s freshness target");
    assertEquals(
        Optional.of(changed), new LagWindow.Immediate(Duration.ZERO).deadline(changed, CAL));
    assertEquals(
        Optional.of(changed.plusSeconds(60)),
        new LagWindow.Immediate(Duration.ofMinutes(1)).deadline(changed, CAL));
    assertEquals(Optional.empty(), new LagWindow.Undecided().deadline(changed, CAL));
  }

  @Test
  void nonsenseWindowsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LagWindow.BusinessDays(0));
    assertThrows(IllegalArgumentException.class, () -> new LagWindow.CalendarDays(-1));
    assertThrows(IllegalArgumentException.class, () -> new LagWindow.MidNextMonth(31));
    assertThrows(java.time.DateTimeException.class, () -> new LagWindow.Yearly(2, 30));
    assertThrows(
        IllegalArgumentException.class, () -> new LagWindow.Immediate(Duration.ofSeconds(-1)));
  }
}
