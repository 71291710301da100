package jp.linkage.hub.layout;

import java.util.Objects;

/**
 * One change between two editions of a layout, e.g. {@code widowDeduction: optional field removed}.
 *
 * @param field code of the field changed; {@code ""} for a change of the item as a whole
 * @param kind what kind of change it is, which decides the verdicts
 * @param detail readable description naming old and new values
 */
public record LayoutChange(String field, ChangeKind kind, String detail) {

  public LayoutChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** Verdict for providers still on the older edition. */
  public Verdict forProviders() {
    return kind.forProviders();
  }

  /** Verdict for queriers still on the older edition. */
  public Verdict forQueriers() {
    return kind.forQueriers();
  }

  /** {@code field: detail}, or the detail alone for an item-level change. */
  public String describe() {
    return field.isEmpty() ? detail : field + ": " + detail;
  }

  /**
   * Who this change breaks: {@code providers}, {@code queriers}, {@code providers and queriers} or
   * {@code nobody}.
   */
  public String breaks() {
    boolean p = forProviders() == Verdict.BREAKING;
    boolean q = forQueriers() == Verdict.BREAKING;
    return p && q ? "providers and queriers" : p ? "providers" : q ? "queriers" : "nobody";
  }
}
