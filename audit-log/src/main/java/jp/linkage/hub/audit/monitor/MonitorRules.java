package jp.linkage.hub.audit.monitor;

import java.util.Objects;
import jp.linkage.hub.calendar.BusinessCalendar;

/**
 * The thresholds of the PPC's improper-linkage rules (不正な情報連携の検知). Defaults are documented in
 * docs/monitoring.md.
 *
 * @param repeatedPersonThreshold how many queries by one agency about one person and item within
 *     the period raise a {@link Finding.Rule#REPEATED_PERSON} finding
 * @param firstHour first hour of ordinary office hours in the calendar's zone (inclusive)
 * @param endHour end of ordinary office hours (exclusive); a query outside, or on a day the
 *     calendar says offices are closed, is an {@link Finding.Rule#OUTSIDE_OFFICE_HOURS} finding
 * @param calendar the government calendar and its zone (Asia/Tokyo)
 */
public record MonitorRules(
    int repeatedPersonThreshold, int firstHour, int endHour, BusinessCalendar calendar) {
  public static final int DEFAULT_REPEATED_PERSON_THRESHOLD = 5;
  public static final int DEFAULT_FIRST_HOUR = 7;
  public static final int DEFAULT_END_HOUR = 22;

  public MonitorRules {
    Objects.requireNonNull(calendar, "calendar");
    if (repeatedPersonThreshold < 2) {
      throw new IllegalArgumentException(
          "repeatedPersonThreshold must be at least 2, was " + repeatedPersonThreshold);
    }
    if (firstHour < 0 || endHour > 24 || firstHour >= endHour) {
      throw new IllegalArgumentException(
          "office hours must satisfy 0 <= firstHour < endHour <= 24, were "
              + firstHour
              + "–"
              + endHour);
    }
  }

  public static MonitorRules defaults() {
    return new MonitorRules(
        DEFAULT_REPEATED_PERSON_THRESHOLD,
        DEFAULT_FIRST_HOUR,
        DEFAULT_END_HOUR,
        BusinessCalendar.japaneseGovernment());
  }
}
