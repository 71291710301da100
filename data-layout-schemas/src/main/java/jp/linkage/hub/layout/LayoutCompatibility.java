package jp.linkage.hub.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compatibility rules of the module README, as code: lists why a newer edition of a layout would
 * break senders or receivers built for an older one. An empty list means the change is compatible.
 */
public final class LayoutCompatibility {

    private LayoutCompatibility() {
    }

    /** Breaking changes from {@code older} to {@code newer}, each naming the field; empty if compatible. */
    public static List<String> breakingChanges(Layout older, Layout newer) {
        if (!older.item().equals(newer.item())) {
            throw new IllegalArgumentException("layouts of different items: " + older.item() + ", " + newer.item());
        }
        List<String> breaking = new ArrayList<>();
        for (LayoutField old : older.fields()) {
            newer.field(old.code()).ifPresentOrElse(
                    now -> compareField(old, now, breaking),
                    () -> breaking.add(old.code() + ": field removed"));
        }
        for (LayoutField now : newer.fields()) {
            if (older.field(now.code()).isEmpty() && now.required()) {
                breaking.add(now.code() + ": new field is required");
            }
        }
        return breaking;
    }

    private static void compareField(LayoutField old, LayoutField now, List<String> breaking) {
        String code = old.code();
        if (old.type() != now.type()) {
            breaking.add(code + ": type changed from " + old.type() + " to " + now.type());
            return;
        }
        if (old.required() != now.required()) {
            breaking.add(code + (now.required() ? ": became required" : ": became optional"));
        }
        if (now.maxLength() != null && (old.maxLength() == null || now.maxLength() < old.maxLength())) {
            breaking.add(code + ": maxLength lowered from " + old.maxLength() + " to " + now.maxLength());
        }
        if (!Objects.equals(old.pattern(), now.pattern()) && now.pattern() != null) {
            breaking.add(code + ": pattern changed to " + now.pattern());
        }
        for (CodeValue value : old.codes()) {
            if (now.codeValue(value.value()).isEmpty()) {
                breaking.add(code + ": code value '" + value.value() + "' removed");
            }
        }
    }
}
