package jp.linkage.hub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays of the Act on National Holidays (国民の祝日に関する法律, 1948): the 国民の祝日 of {@link
 * StatutoryHolidays}, 振替休日 (from 1973-04-12) and 国民の休日 (from 1985-12-27), for the years {@value
 * #FIRST_YEAR}–{@value #LAST_YEAR}. Years are computed once and cached; thread-safe.
 */
public final class NationalHolidays {
  /** The first full year under the Act (in force from 1948-07-20). */
  public static final int FIRST_YEAR = 1949;

  /** The last year the equinox approximation is valid for. */
  public static final int LAST_YEAR = 2099;

  private static final LocalDate SUBSTITUTES_FROM = LocalDate.of(1973, 4, 12);
  private static final LocalDate CITIZENS_HOLIDAYS_FROM = LocalDate.of(1985, 12, 27);

  /**
   * The 2005 amendment, in force 2007: substitutes skip holidays; citizens' holidays lose their
   * exclusions.
   */
  private static final LocalDate AMENDMENT_2007 = LocalDate.of(2007, 1, 1);

  private final Map<Integer, NavigableMap<LocalDate, Holiday>> years = new ConcurrentHashMap<>();

  /** The holiday on this date, if any. */
  public Optional<Holiday> holiday(LocalDate date) {
    return Optional.ofNullable(year(date).get(date));
  }

  /** Every holiday of the year, in date order. */
  public List<Holiday> holidaysOf(int year) {
    return List.copyOf(year(LocalDate.of(year, 1, 1)).values());
  }

  private NavigableMap<LocalDate, Holiday> year(LocalDate date) {
    if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
      throw new CalendarRangeException(date);
    }
    return years.computeIfAbsent(date.getYear(), NationalHolidays::compute);
  }

  // No holiday falls after 23 December, so a year's substitutes and citizens' holidays stay in that
  // year.
  private static NavigableMap<LocalDate, Holiday> compute(int year) {
    Map<LocalDate, Holiday> statutory = StatutoryHolidays.of(year);
    NavigableMap<LocalDate, Holiday> all = new TreeMap<>(statutory);
    for (LocalDate day : statutory.keySet()) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY && !day.isBefore(SUBSTITUTES_FROM)) {
        LocalDate substitute = day.plusDays(1);
        while (!day.isBefore(AMENDMENT_2007) && statutory.containsKey(substitute)) {
          substitute = substitute.plusDays(1); // from 2007: the next day that is not a 国民の祝日
        }
        all.putIfAbsent(
            substitute,
            new Holiday(substitute, "振替休日", "Substitute Holiday", HolidayType.SUBSTITUTE));
      }
    }
    for (LocalDate before : statutory.keySet()) {
      LocalDate day = before.plusDays(1);
      if (day.isBefore(CITIZENS_HOLIDAYS_FROM)
          || statutory.containsKey(day)
          || !statutory.containsKey(day.plusDays(1))) {
        continue;
      }
      // Before 2007 a Sunday or a substitute holiday between two 国民の祝日 stayed what it was.
      boolean excluded =
          day.isBefore(AMENDMENT_2007)
              && (day.getDayOfWeek() == DayOfWeek.SUNDAY || all.containsKey(day));
      if (!excluded) {
        all.putIfAbsent(day, new Holiday(day, "国民の休日", "Citizens' Holiday", HolidayType.CITIZENS));
      }
    }
    return all;
  }
}
