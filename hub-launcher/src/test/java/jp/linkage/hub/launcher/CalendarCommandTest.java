package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hub calendar}: the exact output format and the argument errors (exit 2). */
class CalendarCommandTest {
  private final HubCli hub = new HubCli();

  @Test
  void printsEveryNonBusinessDayAsDateKindName() {
    assertEquals(0, hub.run("calendar", "--from", "2024-12-27", "--to", "2025-01-13"));
    assertEquals(
        """
        2024-12-28\tweekend\t土曜日
        2024-12-29\tclosure\t年末年始の休日
        2024-12-30\tclosure\t年末年始の休日
        2024-12-31\tclosure\t年末年始の休日
        2025-01-01\tholiday\t元日
        2025-01-02\tclosure\t年末年始の休日
        2025-01-03\tclosure\t年末年始の休日
        2025-01-04\tweekend\t土曜日
        2025-01-05\tweekend\t日曜日
        2025-01-11\tweekend\t土曜日
        2025-01-12\tweekend\t日曜日
        2025-01-13\tholiday\t成人の日
        """,
        hub.out());
    assertEquals("", hub.err());
  }

  @Test
  void substituteAndCitizensHolidaysAndASundayHoliday() {
    assertEquals(0, hub.run("calendar", "--from", "2026-09-19", "--to", "2026-09-23"));
    assertEquals(
        """
        2026-09-19\tweekend\t土曜日
        2026-09-20\tweekend\t日曜日
        2026-09-21\tholiday\t敬老の日
        2026-09-22\tholiday\t国民の休日
        2026-09-23\tholiday\t秋分の日
        """,
        hub.out());
    hub.clear();
    assertEquals(0, hub.run("calendar", "--from", "2025-05-03", "--to", "2025-05-06"));
    assertEquals(
        "2025-05-03\tholiday\t憲法記念日\n2025-05-04\tholiday\tみどりの日\n"
            + "2025-05-05\tholiday\tこどもの日\n2025-05-06\tholiday\t振替休日\n",
        hub.out());
  }

  @Test
  void aBusinessDayPrintsNothing() {
    assertEquals(0, hub.run("calendar", "--from", "2025-06-13", "--to", "2025-06-13"));
    assertEquals("", hub.out());
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "2025-02-30, 2025-03-01, '2025-02-30' is not a date of the form YYYY-MM-DD",
    "2025-1-5, 2025-03-01, '2025-1-5' is not a date of the form YYYY-MM-DD",
    "2025-03-02, 2025-03-01, --from 2025-03-02 is after --to 2025-03-01",
    "1948-12-31, 2025-03-01, 1948-12-31 is outside the calendar's range 1949-01-01..2099-12-31",
    "2025-01-01, 2100-01-01, 2100-01-01 is outside the calendar's range 1949-01-01..2099-12-31",
  })
  void badArgumentsExitWithTwoAndSayWhy(String from, String to, String message) {
    assertEquals(2, hub.run("calendar", "--from", from, "--to", to));
    assertTrue(hub.err().contains(message), hub.err());
    assertEquals("", hub.out());
  }

  @Test
  void bothEndsAreRequired() {
    assertEquals(2, hub.run("calendar", "--from", "2025-01-01"));
    assertTrue(hub.err().contains("Missing required option: '--to=YYYY-MM-DD'"), hub.err());
  }
}
