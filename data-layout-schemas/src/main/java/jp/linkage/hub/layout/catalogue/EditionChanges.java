package jp.linkage.hub.layout.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.linkage.hub.layout.CodeValue;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutChange;
import jp.linkage.hub.layout.LayoutCompatibility;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.Verdict;

/**
 * 版の差分 (differences between two editions of one item) as a reader wants them: every change, field
 * by field, and separately the verdict of {@link LayoutCompatibility}, the rules the hub itself
 * applies.
 *
 * @param older the earlier edition
 * @param newer the later edition
 * @param changes what changed, one line per change, naming the field
 * @param classified every change as the hub's rules classify it, with its verdict for providers and
 *     for queriers still on {@code older}
 */
record EditionChanges(
    Layout older, Layout newer, List<String> changes, List<LayoutChange> classified) {

  Verdict forProviders() {
    return LayoutCompatibility.forProviders(classified);
  }

  Verdict forQueriers() {
    return LayoutCompatibility.forQueriers(classified);
  }

  /** The changes from {@code older} to {@code newer} (two editions of the same item). */
  static EditionChanges between(Layout older, Layout newer) {
    List<String> changes = new ArrayList<>();
    for (LayoutField old : older.fields()) {
      newer
          .field(old.code())
          .ifPresentOrElse(
              now -> describe(old, now, changes), () -> changes.add(old.code() + ": removed"));
    }
    for (LayoutField now : newer.fields()) {
      if (older.field(now.code()).isEmpty()) {
        changes.add(
            now.code()
                + ": added ("
                + now.nameJa()
                + ", "
                + (now.required() ? "required" : "optional")
                + ")");
      }
    }
    if (!older.nameJa().equals(newer.nameJa()) || !older.nameEn().equals(newer.nameEn())) {
      changes.add(
          "item name: "
              + older.nameJa()
              + " / "
              + older.nameEn()
              + " → "
              + newer.nameJa()
              + " / "
              + newer.nameEn());
    }
    return new EditionChanges(
        older, newer, List.copyOf(changes), List.copyOf(LayoutCompatibility.changes(older, newer)));
  }

  private static void describe(LayoutField old, LayoutField now, List<String> changes) {
    String code = old.code();
    note(changes, code, "Japanese name", old.nameJa(), now.nameJa());
    note(changes, code, "English name", old.nameEn(), now.nameEn());
    note(changes, code, "type", old.type(), now.type());
    note(changes, code, "required", old.required(), now.required());
    note(changes, code, "maxLength", old.maxLength(), now.maxLength());
    note(changes, code, "pattern", old.pattern(), now.pattern());
    note(changes, code, "description", old.description(), now.description());
    for (CodeValue v : now.codes()) {
      old.codeValue(v.value())
          .ifPresentOrElse(
              was ->
                  note(
                      changes,
                      code,
                      "label of code value '" + v.value() + "'",
                      was.labelJa(),
                      v.labelJa()),
              () ->
                  changes.add(
                      code + ": code value '" + v.value() + "' (" + v.labelJa() + ") added"));
    }
    for (CodeValue v : old.codes()) {
      if (now.codeValue(v.value()).isEmpty()) {
        changes.add(code + ": code value '" + v.value() + "' (" + v.labelJa() + ") removed");
      }
    }
  }

  private static void note(List<String> changes, String code, String what, Object was, Object now) {
    if (!Objects.equals(was, now)) {
      changes.add(
          code
              + ": "
              + what
              + " "
              + (was == null ? "(none)" : was)
              + " → "
              + (now == null ? "(none)" : now));
    }
  }
}
