package jp.linkage.hub.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which government offices are closed (行政機関の休日).
 *
 * @param date the day
 * @param kind why it is closed (holiday before closure before weekend)
 * @param nameJa e.g. 元日, 振替休日, 国民の休日, 年末年始の休日, 土曜日, 日曜日
 * @param nameEn the English name
 */
public record NonBusinessDay(LocalDate date, DayKind kind, String nameJa, String nameEn) {
  public NonBusinessDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nameJa, "nameJa");
    Objects.requireNonNull(nameEn, "nameEn");
  }
}
