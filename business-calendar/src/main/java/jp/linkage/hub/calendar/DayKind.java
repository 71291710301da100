package jp.linkage.hub.calendar;

/**
 * Why a day is not a business day. When several apply the first listed wins: a holiday on a Sunday
 * or on 1 January is a {@code HOLIDAY} (it is one by law), a Saturday on 29 December is a {@code
 * CLOSURE}.
 */
public enum DayKind {
  /** 国民の祝日, 振替休日 or 国民の休日. */
  HOLIDAY("holiday"),
  /** 年末年始の休日: 29 December to 3 January (行政機関の休日に関する法律 Article 1(1)(iii)). */
  CLOSURE("closure"),
  /** 土曜日 or 日曜日. */
  WEEKEND("weekend");

  private final String label;

  DayKind(String label) {
    this.label = label;
  }

  /** The lower-case word printed by {@code hub calendar}. */
  public String label() {
    return label;
  }
}
