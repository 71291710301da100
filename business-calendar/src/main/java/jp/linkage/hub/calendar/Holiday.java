package jp.linkage.hub.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A holiday under the Act on National Holidays (国民の祝日に関する法律).
 *
 * @param date the day
 * @param nameJa its Japanese name, e.g. 元日, 振替休日, 国民の休日
 * @param nameEn its English name
 * @param type the clause that makes it a holiday
 */
public record Holiday(LocalDate date, String nameJa, String nameEn, HolidayType type) {
  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(nameJa, "nameJa");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(type, "type");
  }
}
