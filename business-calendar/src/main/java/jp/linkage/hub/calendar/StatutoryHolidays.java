package jp.linkage.hub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * 国民の祝日: the named days of Article 2 of the Act on National Holidays as amended over the years, the
 * Olympic moves of 2020 and 2021 (東京オリンピック・パラリンピック特別措置法), and the one-off days declared by their
 * own acts. Substitute and citizens' holidays are derived in {@link NationalHolidays}.
 */
final class StatutoryHolidays {
  private static final int OPEN = NationalHolidays.LAST_YEAR;

  /** One named day, in force from {@code firstYear} to {@code lastYear} inclusive. */
  private record Rule(
      String nameJa, String nameEn, int firstYear, int lastYear, IntFunction<LocalDate> date) {
    boolean appliesTo(int year) {
      return year >= firstYear && year <= lastYear;
    }
  }

  private static final List<Rule> RULES =
      List.of(
          fixed("元日", "New Year's Day", 1949, OPEN, 1, 1),
          fixed("成人の日", "Coming of Age Day", 1949, 1999, 1, 15),
          monday("成人の日", "Coming of Age Day", 2000, OPEN, 1, 2), // Happy Monday (2000)
          fixed("建国記念の日", "National Foundation Day", 1967, OPEN, 2, 11),
          fixed("天皇誕生日", "Emperor's Birthday", 2020, OPEN, 2, 23),
          new Rule("春分の日", "Vernal Equinox Day", 1949, OPEN, Equinox::vernal),
          fixed("天皇誕生日", "Emperor's Birthday", 1949, 1988, 4, 29),
          fixed("みどりの日", "Greenery Day", 1989, 2006, 4, 29),
          fixed("昭和の日", "Showa Day", 2007, OPEN, 4, 29),
          fixed("憲法記念日", "Constitution Memorial Day", 1949, OPEN, 5, 3),
          fixed("みどりの日", "Greenery Day", 2007, OPEN, 5, 4),
          fixed("こどもの日", "Children's Day", 1949, OPEN, 5, 5),
          fixed("海の日", "Marine Day", 1996, 2002, 7, 20),
          monday("海の日", "Marine Day", 2003, 2019, 7, 3), // Happy Monday (2003)
          fixed("海の日", "Marine Day", 2020, 2020, 7, 23), // Olympic moves
          fixed("海の日", "Marine Day", 2021, 2021, 7, 22),
          monday("海の日", "Marine Day", 2022, OPEN, 7, 3),
          fixed("山の日", "Mountain Day", 2016, 2019, 8, 11),
          fixed("山の日", "Mountain Day", 2020, 2020, 8, 10),
          fixed("山の日", "Mountain Day", 2021, 2021, 8, 8),
          fixed("山の日", "Mountain Day", 2022, OPEN, 8, 11),
          fixed("敬老の日", "Respect for the Aged Day", 1966, 2002, 9, 15),
          monday("敬老の日", "Respect for the Aged Day", 2003, OPEN, 9, 3),
          new Rule("秋分の日", "Autumnal Equinox Day", 1949, OPEN, Equinox::autumnal),
          fixed("体育の日", "Health and Sports Day", 1966, 1999, 10, 10),
          monday("体育の日", "Health and Sports Day", 2000, 2019, 10, 2),
          fixed("スポーツの日", "Sports Day", 2020, 2020, 7, 24),
          fixed("スポーツの日", "Sports Day", 2021, 2021, 7, 23),
          monday("スポーツの日", "Sports Day", 2022, OPEN, 10, 2),
          fixed("文化の日", "Culture Day", 1949, OPEN, 11, 3),
          fixed("勤労感謝の日", "Labour Thanksgiving Day", 1949, OPEN, 11, 23),
          fixed("天皇誕生日", "Emperor's Birthday", 1989, 2018, 12, 23),
          // One-off days, each by an act of its own.
          once("皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito", 1959, 4, 10),
          once("昭和天皇の大喪の礼", "Funeral of Emperor Showa", 1989, 2, 24),
          once("即位礼正殿の儀", "Enthronement Ceremony", 1990, 11, 12),
          once("皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito", 1993, 6, 9),
          once("天皇の即位の日", "Day of the Emperor's Accession", 2019, 5, 1),
          once("即位礼正殿の儀", "Enthronement Ceremony", 2019, 10, 22));

  private StatutoryHolidays() {}

  /** Every 国民の祝日 of the year. */
  static Map<LocalDate, Holiday> of(int year) {
    Map<LocalDate, Holiday> days = new HashMap<>();
    for (Rule rule : RULES) {
      if (rule.appliesTo(year)) {
        LocalDate date = rule.date().apply(year);
        days.put(date, new Holiday(date, rule.nameJa(), rule.nameEn(), HolidayType.NATIONAL));
      }
    }
    return days;
  }

  private static Rule fixed(String nameJa, String nameEn, int first, int last, int month, int day) {
    return new Rule(nameJa, nameEn, first, last, y -> LocalDate.of(y, month, day));
  }

  private static Rule once(String nameJa, String nameEn, int year, int month, int day) {
    return fixed(nameJa, nameEn, year, year, month, day);
  }

  /** The {@code ordinal}-th Monday of the month (ハッピーマンデー制度). */
  private static Rule monday(
      String nameJa, String nameEn, int first, int last, int month, int ordinal) {
    return new Rule(
        nameJa,
        nameEn,
        first,
        last,
        y ->
            LocalDate.of(y, month, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY)));
  }
}
