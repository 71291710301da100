package jp.linkage.hub.audit.monitor.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import jp.linkage.hub.audit.monitor.Period;

/**
 * The period of a view from its query parameters: {@code hours=N} (the last N hours), or {@code
 * from} and optionally {@code to} as ISO-8601 instants; neither means the last {@value
 * #DEFAULT_HOURS} hours.
 */
final class PeriodParameters {
  static final int DEFAULT_HOURS = 24;

  /** A century: "everything" in the pages. */
  static final int MAX_HOURS = 876_600;

  private PeriodParameters() {}

  static Period parse(String hours, String from, String to, Clock clock) {
    if (hours != null && (from != null || to != null)) {
      throw new BadParameter("hours", "hours-or-from-to", "give either hours or from/to, not both");
    }
    if (from == null && to != null) {
      throw new BadParameter("from", "required-with-to", "to needs a from");
    }
    if (from != null) {
      Instant start = instant("from", from);
      Instant end = to == null ? clock.instant() : instant("to", to);
      if (!start.isBefore(end)) {
        throw new BadParameter("from", "before-to", "from " + start + " is not before to " + end);
      }
      return new Period(start, end);
    }
    int n = DEFAULT_HOURS;
    if (hours != null) {
      try {
        n = Integer.parseInt(hours.strip());
      } catch (NumberFormatException e) {
        throw new BadParameter(
            "hours", "whole-number", "hours must be a whole number, was \"" + clip(hours) + "\"");
      }
      if (n < 1 || n > MAX_HOURS) {
        throw new BadParameter(
            "hours", "range", "hours must be between 1 and " + MAX_HOURS + ", was " + n);
      }
    }
    return Period.last(Duration.ofHours(n), clock);
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameter(
          field,
          "iso-8601-instant",
          field
              + " must be an ISO-8601 instant such as 2026-11-24T00:00:00Z, was \""
              + clip(value)
              + "\"");
    }
  }

  /** Echo at most 40 characters of what was sent. */
  static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
