package jp.linkage.hub.audit.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.linkage.hub.audit.monitor.Period;
import org.junit.jupiter.api.Test;

class PeriodParametersTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void nothingMeansTheLastDay() {
    assertEquals(
        new Period(Instant.parse("2026-11-23T03:00:00Z"), NOW),
        PeriodParameters.parse(null, null, null, CLOCK));
  }

  @Test
  void hoursCountBackFromNow() {
    assertEquals(
        new Period(Instant.parse("2026-11-24T02:00:00Z"), NOW),
        PeriodParameters.parse("1", null, null, CLOCK));
    assertEquals(
        NOW.minusSeconds(3600L * PeriodParameters.MAX_HOURS),
        PeriodParameters.parse(" 876600 ", null, null, CLOCK).from());
  }

  @Test
  void fromAloneRunsToNowAndFromToIsTaken() {
    assertEquals(
        new Period(Instant.parse("2026-11-01T00:00:00Z"), NOW),
        PeriodParameters.parse(null, "2026-11-01T00:00:00Z", null, CLOCK));
    assertEquals(
        new Period(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")),
        PeriodParameters.parse(null, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", CLOCK));
  }

  @Test
  void eachBadParameterNamesItsFieldAndRule() {
    assertRejected("hours", "whole-number", "1.5", null, null);
    assertRejected("hours", "range", "0", null, null);
    assertRejected("hours", "range", "876601", null, null);
    assertRejected("hours", "hours-or-from-to", "1", "2026-11-01T00:00:00Z", null);
    assertRejected("from", "required-with-to", null, null, "2026-11-01T00:00:00Z");
    assertRejected("from", "iso-8601-instant", null, "2026-11-01", null);
    assertRejected("to", "iso-8601-instant", null, "2026-11-01T00:00:00Z", "tomorrow");
    assertRejected("from", "before-to", null, "2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z");
  }

  @Test
  void aLongValueIsClippedInTheMessage() {
    BadParameter e =
        assertThrows(
            BadParameter.class, () -> PeriodParameters.parse("x".repeat(500), null, null, CLOCK));
    assertEquals("hours must be a whole number, was \"" + "x".repeat(40) + "…\"", e.getMessage());
  }

  private static void assertRejected(
      String field, String rule, String hours, String from, String to) {
    BadParameter e =
        assertThrows(BadParameter.class, () -> PeriodParameters.parse(hours, from, to, CLOCK));
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(rule, e.rule(), e.getMessage());
  }
}
