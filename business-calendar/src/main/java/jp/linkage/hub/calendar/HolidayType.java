package jp.linkage.hub.calendar;

/** Which clause of the Act on National Holidays (国民の祝日に関する法律) makes a day a holiday. */
public enum HolidayType {
  /** 国民の祝日: a named day of Article 2, or a one-off day declared by its own act (e.g. 即位の日). */
  NATIONAL,
  /** 振替休日 (Article 3(2)): a 国民の祝日 fell on a Sunday. */
  SUBSTITUTE,
  /** 国民の休日 (Article 3(3)): a day between two 国民の祝日. */
  CITIZENS
}
