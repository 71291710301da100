package jp.linkage.hub.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our rules against a published holiday list, every day of 1970–2050 (data set and its origin:
 * src/test/resources/holiday_jp/README.md). Offline.
 */
class PublishedHolidaysTest {
  /**
   * The data set's wording → ours, where they differ (its own names for the one-off days are
   * shorter).
   */
  private static final Map<String, String> WORDING =
      Map.of(
          "休日", "国民の休日",
          "大喪の礼", "昭和天皇の大喪の礼",
          "結婚の儀", "皇太子徳仁親王の結婚の儀",
          "体育の日（スポーツの日）", "体育の日");

  private static final Map<LocalDate, String> ONE_OFF_2019 =
      Map.of(
          LocalDate.of(2019, 5, 1), "天皇の即位の日",
          LocalDate.of(2019, 10, 22), "即位礼正殿の儀");

  private static final NationalHolidays HOLIDAYS = new NationalHolidays();
  private static Map<LocalDate, String[]> published;

  @BeforeAll
  static void load() throws IOException {
    published = new TreeMap<>();
    try (InputStream in =
        PublishedHolidaysTest.class.getResourceAsStream("/holiday_jp/holidays-1970-2050.tsv")) {
      assertNotNull(in, "the published list is on the test classpath");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split("\t");
        published.put(LocalDate.parse(f[0]), new String[] {f[1], f[2]});
      }
    }
  }

  @Test
  void theListIsComplete() {
    assertEquals(1329, published.size());
    assertEquals(LocalDate.of(1970, 1, 1), ((TreeMap<LocalDate, String[]>) published).firstKey());
  }

  @Test
  void everyDayOf1970To2050IsAHolidayExactlyWhenThePublishedListSaysSo() {
    List<String> wrong = new ArrayList<>();
    for (LocalDate d = LocalDate.of(1970, 1, 1); d.getYear() <= 2050; d = d.plusDays(1)) {
      boolean ours = HOLIDAYS.holiday(d).isPresent();
      if (ours != published.containsKey(d)) {
        wrong.add(
            d
                + (ours
                    ? " only in ours: " + HOLIDAYS.holiday(d).get().nameJa()
                    : " only published: " + published.get(d)[0]));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyHolidayHasThePublishedNameAndType() {
    List<String> wrong = new ArrayList<>();
    published.forEach(
        (date, names) -> {
          Holiday ours = HOLIDAYS.holiday(date).orElseThrow();
          String expected = expectedName(date, names[0]);
          HolidayType expectedType =
              names[0].endsWith("振替休日")
                  ? HolidayType.SUBSTITUTE
                  : names[0].equals("休日") ? HolidayType.CITIZENS : HolidayType.NATIONAL;
          if (!ours.nameJa().equals(expected) || ours.type() != expectedType) {
            wrong.add(
                date + ": published " + names[0] + ", ours " + ours.nameJa() + " " + ours.type());
          }
        });
    assertEquals(List.of(), wrong);
  }

  private static String expectedName(LocalDate date, String publishedName) {
    if (ONE_OFF_2019.containsKey(date)) {
      return ONE_OFF_2019.get(date); // published as 休日（祝日扱い）
    }
    if (publishedName.endsWith(" 振替休日")) {
      return "振替休日";
    }
    return WORDING.getOrDefault(publishedName, publishedName);
  }
}
