package jp.linkage.hub.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compatibility rules of the module README, as code: lists every change between two editions of
 * one item and classifies it for providers and for queriers ({@link ChangeKind} holds the
 * verdicts). One implementation serves {@code hub layout-diff}, the catalogue and the tests.
 */
public final class LayoutCompatibility {

  private LayoutCompatibility() {}

  /**
   * Every change from {@code older} to {@code newer}: fields in the older edition's order, then
   * added fields, then item-level changes.
   *
   * @throws LayoutMismatchException if the two layouts are of different items
   */
  public static List<LayoutChange> changes(Layout older, Layout newer) {
    if (!older.item().equals(newer.item())) {
      throw new LayoutMismatchException(
          "layouts of different items: " + older.item() + ", " + newer.item());
    }
    List<LayoutChange> changes = new ArrayList<>();
    for (LayoutField old : older.fields()) {
      newer
          .field(old.code())
          .ifPresentOrElse(
              now -> FieldComparison.compare(old, now, changes),
              () ->
                  changes.add(
                      new LayoutChange(
                          old.code(),
                          old.required()
                              ? ChangeKind.FIELD_REMOVED_REQUIRED
                              : ChangeKind.FIELD_REMOVED_OPTIONAL,
                          (old.required() ? "required" : "optional")
                              + " field removed ("
                              + old.nameJa()
                              + ")")));
    }
    for (LayoutField now : newer.fields()) {
      if (older.field(now.code()).isEmpty()) {
        changes.add(
            new LayoutChange(
                now.code(),
                now.required() ? ChangeKind.FIELD_ADDED_REQUIRED : ChangeKind.FIELD_ADDED_OPTIONAL,
                (now.required() ? "required" : "optional")
                    + " field added ("
                    + now.nameJa()
                    + ")"));
      }
    }
    if (!older.nameJa().equals(newer.nameJa()) || !older.nameEn().equals(newer.nameEn())) {
      changes.add(
          new LayoutChange(
              "",
              ChangeKind.ITEM_NAME_CHANGED,
              "item name "
                  + older.nameJa()
                  + " / "
                  + older.nameEn()
                  + " → "
                  + newer.nameJa()
                  + " / "
                  + newer.nameEn()));
    }
    List<String> keptOld =
        older.fields().stream()
            .map(LayoutField::code)
            .filter(c -> newer.field(c).isPresent())
            .toList();
    List<String> keptNew =
        newer.fields().stream()
            .map(LayoutField::code)
            .filter(c -> older.field(c).isPresent())
            .toList();
    if (!keptOld.equals(keptNew)) {
      changes.add(new LayoutChange("", ChangeKind.FIELD_ORDER_CHANGED, "field order changed"));
    }
    return changes;
  }

  /**
   * The changes that break providers or queriers built for {@code older}, each as {@code "field:
   * detail (breaks providers)"}; empty if the newer edition is compatible for both.
   */
  public static List<String> breakingChanges(Layout older, Layout newer) {
    return changes(older, newer).stream()
        .filter(c -> c.kind().breaking())
        .map(c -> c.describe() + " (breaks " + c.breaks() + ")")
        .toList();
  }

  /** The worst verdict for providers over {@code changes}. */
  public static Verdict forProviders(List<LayoutChange> changes) {
    return changes.stream().anyMatch(c -> c.forProviders() == Verdict.BREAKING)
        ? Verdict.BREAKING
        : Verdict.COMPATIBLE;
  }

  /** The worst verdict for queriers over {@code changes}. */
  public static Verdict forQueriers(List<LayoutChange> changes) {
    return changes.stream().anyMatch(c -> c.forQueriers() == Verdict.BREAKING)
        ? Verdict.BREAKING
        : Verdict.COMPATIBLE;
  }

  /** Compares one field present in both editions. */
  private static final class FieldComparison {

    private FieldComparison() {}

    static void compare(LayoutField old, LayoutField now, List<LayoutChange> out) {
      String code = old.code();
      if (!old.nameJa().equals(now.nameJa()) || !old.nameEn().equals(now.nameEn())) {
        out.add(
            new LayoutChange(
                code,
                ChangeKind.FIELD_NAME_CHANGED,
                "name "
                    + old.nameJa()
                    + " / "
                    + old.nameEn()
                    + " → "
                    + now.nameJa()
                    + " / "
                    + now.nameEn()));
      }
      if (!old.description().equals(now.description())) {
        out.add(new LayoutChange(code, ChangeKind.DESCRIPTION_CHANGED, "description changed"));
      }
      if (old.type() != now.type()) {
        // the other constraints mean something else under another type: one change says it all
        out.add(
            new LayoutChange(
                code, ChangeKind.TYPE_CHANGED, "type " + old.type() + " → " + now.type()));
        return;
      }
      if (old.required() != now.required()) {
        out.add(
            now.required()
                ? new LayoutChange(code, ChangeKind.BECAME_REQUIRED, "optional → required")
                : new LayoutChange(code, ChangeKind.BECAME_OPTIONAL, "required → optional"));
      }
      if (!Objects.equals(old.maxLength(), now.maxLength())) {
        boolean raised =
            now.maxLength() == null
                || (old.maxLength() != null && now.maxLength() > old.maxLength());
        out.add(
            new LayoutChange(
                code,
                raised ? ChangeKind.MAX_LENGTH_RAISED : ChangeKind.MAX_LENGTH_LOWERED,
                "maxLength " + show(old.maxLength()) + " → " + show(now.maxLength())));
      }
      if (!Objects.equals(old.pattern(), now.pattern())) {
        ChangeKind kind =
            old.pattern() == null
                ? ChangeKind.PATTERN_ADDED
                : now.pattern() == null ? ChangeKind.PATTERN_REMOVED : ChangeKind.PATTERN_CHANGED;
        out.add(
            new LayoutChange(
                code, kind, "pattern " + show(old.pattern()) + " → " + show(now.pattern())));
      }
      for (CodeValue v : old.codes()) {
        now.codeValue(v.value())
            .ifPresentOrElse(
                relabelled -> {
                  if (!relabelled.labelJa().equals(v.labelJa())) {
                    out.add(
                        new LayoutChange(
                            code,
                            ChangeKind.CODE_LABEL_CHANGED,
                            "label of code value '"
                                + v.value()
                                + "' "
                                + v.labelJa()
                                + " → "
                                + relabelled.labelJa()));
                  }
                },
                () ->
                    out.add(
                        new LayoutChange(
                            code,
                            ChangeKind.CODE_REMOVED,
                            "code value '" + v.value() + "' (" + v.labelJa() + ") removed")));
      }
      for (CodeValue v : now.codes()) {
        if (old.codeValue(v.value()).isEmpty()) {
          out.add(
              new LayoutChange(
                  code,
                  ChangeKind.CODE_ADDED,
                  "code value '" + v.value() + "' (" + v.labelJa() + ") added"));
        }
      }
    }

    private static String show(Object value) {
      return value == null ? "(none)" : value.toString();
    }
  }
}
