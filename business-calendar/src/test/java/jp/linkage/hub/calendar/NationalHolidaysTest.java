package jp.linkage.hub.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clauses of the Act one by one, on days whose status is known from the published lists. */
class NationalHolidaysTest {
  private final NationalHolidays holidays = new NationalHolidays();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      1959-04-10 | 皇太子明仁親王の結婚の儀
      1989-02-24 | 昭和天皇の大喪の礼
      1990-11-12 | 即位礼正殿の儀
      1993-06-09 | 皇太子徳仁親王の結婚の儀
      2019-05-01 | 天皇の即位の日
      2019-10-22 | 即位礼正殿の儀
      2020-07-23 | 海の日
      2020-07-24 | スポーツの日
      2020-08-10 | 山の日
      2021-07-22 | 海の日
      2021-07-23 | スポーツの日
      2021-08-08 | 山の日
      1989-04-29 | みどりの日
      2007-04-29 | 昭和の日
      2020-02-23 | 天皇誕生日
      2018-12-23 | 天皇誕生日
      """)
  void namedAndOneOffDays(LocalDate date, String name) {
    assertEquals(name, holidays.holiday(date).orElseThrow().nameJa());
    assertEquals(HolidayType.NATIONAL, holidays.holiday(date).orElseThrow().type());
  }

  @ParameterizedTest(name = "{0} is not a holiday")
  @CsvSource({
    "2019-12-23", // no 天皇誕生日 in 2019: the Emperor's birthday moved from 12-23 to 02-23
    "2019-02-23",
    "2020-07-20",
    "2020-10-12",
    "2020-08-11", // the days the Olympic moves emptied
    "2021-07-19",
    "2021-10-11",
    "2021-08-11",
    "1973-02-12", // 1973-02-11 was a Sunday, but substitutes start on 1973-04-12
    "1986-05-04", // a Sunday between two holidays before 2007 stays a Sunday
    "1985-05-04", // Saturday between two holidays, before citizens' holidays (1985-12-27)
  })
  void notHolidays(LocalDate date) {
    assertFalse(holidays.holiday(date).isPresent(), date + " " + holidays.holiday(date));
  }

  @ParameterizedTest(name = "{0} substitutes for a Sunday holiday")
  @CsvSource({
    "1973-04-30", // the first: 天皇誕生日 1973-04-29 was a Sunday
    "1987-05-04", // 憲法記念日 on Sunday; before 2007 a substitute, not a citizens' holiday
    "2008-05-06", // みどりの日 5-04 on Sunday: from 2007 the next day that is not a 祝日
    "2009-05-06", // 憲法記念日 5-03 on Sunday: skips 5-04 and 5-05
    "2021-08-09", // 山の日 moved to Sunday 8-08
    "2023-01-02", // 元日 on Sunday
  })
  void substituteHolidays(LocalDate date) {
    Holiday h = holidays.holiday(date).orElseThrow();
    assertEquals(HolidayType.SUBSTITUTE, h.type());
    assertEquals("振替休日", h.nameJa());
  }

  @ParameterizedTest(name = "{0} lies between two holidays")
  @CsvSource({
    "1988-05-04",
    "1991-05-04",
    "2009-09-22",
    "2015-09-22",
    "2026-09-22",
    "2032-09-21",
    "2019-04-30",
    "2019-05-02"
  })
  void citizensHolidays(LocalDate date) {
    Holiday h = holidays.holiday(date).orElseThrow();
    assertEquals(HolidayType.CITIZENS, h.type());
    assertEquals("国民の休日", h.nameJa());
  }

  @ParameterizedTest(name = "{0}: 春分 {1}, 秋分 {2}")
  @CsvSource({
    "1970,3-21,9-23",
    "1979,3-21,9-24",
    "1980,3-20,9-23",
    "2000,3-20,9-23",
    "2012,3-20,9-22",
    "2016,3-20,9-22",
    "2024,3-20,9-22",
    "2025,3-20,9-23",
    "2044,3-20,9-22",
    "2048,3-20,9-22"
  })
  void equinoxes(int year, String vernal, String autumnal) {
    assertEquals(
        "春分の日", holidays.holiday(LocalDate.parse(year + "-0" + vernal)).orElseThrow().nameJa());
    assertEquals(
        "秋分の日", holidays.holiday(LocalDate.parse(year + "-0" + autumnal)).orElseThrow().nameJa());
  }

  @Test
  void goldenWeek2019IsEightHolidaysInARow() {
    List<LocalDate> days =
        holidays.holidaysOf(2019).stream()
            .map(Holiday::date)
            .filter(
                d ->
                    d.getMonthValue() == 4 && d.getDayOfMonth() >= 27
                        || d.getMonthValue() == 5 && d.getDayOfMonth() <= 6)
            .toList();
    assertEquals(
        List.of(
            LocalDate.of(2019, 4, 29),
            LocalDate.of(2019, 4, 30),
            LocalDate.of(2019, 5, 1),
            LocalDate.of(2019, 5, 2),
            LocalDate.of(2019, 5, 3),
            LocalDate.of(2019, 5, 4),
            LocalDate.of(2019, 5, 5),
            LocalDate.of(2019, 5, 6)),
        days);
  }

  @Test
  void datesOutsideTheActsRangeAreRefused() {
    assertThrows(CalendarRangeException.class, () -> holidays.holiday(LocalDate.of(1948, 12, 31)));
    assertThrows(CalendarRangeException.class, () -> holidays.holiday(LocalDate.of(2100, 1, 1)));
  }
}
