package jp.linkage.hub.calendar;

import java.time.LocalDate;

/**
 * 春分日 and 秋分日, the two holidays the Act does not date: it names the equinox, and the National
 * Astronomical Observatory of Japan (国立天文台) announces the next year's days each February in the
 * official gazette (暦要項).
 *
 * <p>This class uses the standard approximation valid for 1900–2099 (mean tropical year 0.242194
 * days, a leap-year correction, and an epoch constant per era). It agrees with every published day
 * in 1970–2050 (tested); days not yet announced are predictions, as in every published calendar.
 */
final class Equinox {
  private static final double TROPICAL_YEAR_EXCESS = 0.242194;

  private Equinox() {}

  /** 春分日 of the year. */
  static LocalDate vernal(int year) {
    double constant = year >= 1980 ? 20.8431 : 20.8357;
    return LocalDate.of(year, 3, day(year, constant));
  }

  /** 秋分日 of the year. */
  static LocalDate autumnal(int year) {
    double constant = year >= 1980 ? 23.2488 : 23.2588;
    return LocalDate.of(year, 9, day(year, constant));
  }

  private static int day(int year, double constant) {
    if (year < 1900 || year > 2099) {
      throw new CalendarRangeException(LocalDate.of(year, 1, 1));
    }
    // Leap days shift the equinox back by one day every fourth year. The formula truncates toward
    // zero (Java's int division), which for the older era's negative counts is what it was fitted
    // with.
    int leapCorrection = (year - (year >= 1980 ? 1980 : 1983)) / 4;
    return (int) Math.floor(constant + TROPICAL_YEAR_EXCESS * (year - 1980) - leapCorrection);
  }
}
