package jp.linkage.hub.calendar;

import java.time.LocalDate;

/**
 * A date outside the years the calendar's rules are written for ({@link
 * NationalHolidays#FIRST_YEAR}..{@link NationalHolidays#LAST_YEAR}).
 */
public final class CalendarRangeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  CalendarRangeException(LocalDate date) {
    super(
        date
            + " is outside the business calendar's range "
            + NationalHolidays.FIRST_YEAR
            + "-01-01.."
            + NationalHolidays.LAST_YEAR
            + "-12-31");
  }
}
