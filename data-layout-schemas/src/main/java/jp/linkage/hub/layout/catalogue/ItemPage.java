package jp.linkage.hub.layout.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.linkage.hub.layout.CodeValue;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutChange;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.Verdict;

/**
 * The page of one item: its editions with their fields, the changes between editions, its
 * permission rows.
 */
final class ItemPage {
  private ItemPage() {}

  /** The page's HTML; {@code tables} are all permission table versions, newest first. */
  static String render(ItemEntry entry, List<ItemUses.Table> tables, RowCells rowCells) {
    StringBuilder main = new StringBuilder(16_384);
    main.append("<h1>")
        .append(Html.ja(entry.nameJa()))
        .append(" <span class=\"en\">")
        .append(Html.text(entry.nameEn()))
        .append("</span> <code>")
        .append(Html.text(entry.item()))
        .append("</code></h1>\n");
    List<Layout> newestFirst = new ArrayList<>(entry.editions());
    Collections.reverse(newestFirst);
    main.append("<nav aria-label=\"On this page\"><ul>\n");
    for (Layout l : newestFirst) {
      main.append("<li><a href=\"#")
          .append(Links.editionId(l.edition()))
          .append("\">Edition ")
          .append(Html.text(l.edition()))
          .append("</a> (<a href=\"../")
          .append(Html.text(Links.schema(l.ref())))
          .append("\">JSON Schema</a>)</li>\n");
    }
    if (entry.editions().size() > 1) {
      main.append("<li><a href=\"#changes\">Changes between editions</a></li>\n");
    }
    main.append("<li><a href=\"#rows\">Permission rows</a></li>\n</ul></nav>\n");
    if (entry.editions().isEmpty()) {
      main.append(
          "<p class=\"warning\">The permission table names this item but no data standard layout defines it:"
              + " queries for it cannot be validated.</p>\n");
    }
    for (Layout l : newestFirst) {
      edition(main, l);
    }
    if (entry.editions().size() > 1) {
      main.append(
          "<section id=\"changes\">\n<h2><span lang=\"ja\">版の差分</span> Changes between editions</h2>\n");
      for (int i = 1; i < entry.editions().size(); i++) {
        changes(main, EditionChanges.between(entry.editions().get(i - 1), entry.editions().get(i)));
      }
      main.append("</section>\n");
    }
    rows(main, entry, tables, rowCells);
    return PageFrame.page(
        entry.nameJa() + " " + entry.nameEn() + " – layout catalogue", "../", main.toString());
  }

  private static void edition(StringBuilder main, Layout l) {
    main.append("<section id=\"")
        .append(Links.editionId(l.edition()))
        .append("\">\n<h2>Edition ")
        .append(Html.text(l.edition()))
        .append(" <small>valid from ")
        .append(l.validFrom())
        .append("</small></h2>\n")
        .append("<p><a href=\"../")
        .append(Html.text(Links.schema(l.ref())))
        .append("\">JSON Schema of this edition</a> (draft 2020-12)</p>\n")
        .append("<div class=\"scroll\"><table>\n<caption>Fields of ")
        .append(Html.ja(l.nameJa()))
        .append(" edition ")
        .append(Html.text(l.edition()))
        .append("</caption>\n<thead><tr><th scope=\"col\">Code</th>")
        .append(
            "<th scope=\"col\"><span lang=\"ja\">項目名</span> Name</th><th scope=\"col\"><span lang=\"ja\">型</span> Type</th>")
        .append("<th scope=\"col\"><span lang=\"ja\">桁・形式</span> Length / pattern</th>")
        .append("<th scope=\"col\"><span lang=\"ja\">必須</span> Required</th>")
        .append("<th scope=\"col\"><span lang=\"ja\">コード表</span> Code list</th>")
        .append(
            "<th scope=\"col\"><span lang=\"ja\">説明</span> Description</th></tr></thead>\n<tbody>\n");
    for (LayoutField f : l.fields()) {
      main.append("<tr id=\"")
          .append(Links.fieldId(l.edition(), f.code()))
          .append("\"><th scope=\"row\"><code>")
          .append(Html.text(f.code()))
          .append("</code></th><td>")
          .append(Html.ja(f.nameJa()))
          .append("<br>")
          .append(Html.text(f.nameEn()))
          .append("</td><td>")
          .append(f.type())
          .append("</td><td>");
      if (f.maxLength() != null) {
        main.append("max ").append(f.maxLength()).append(" characters");
      }
      if (f.pattern() != null) {
        main.append(f.maxLength() != null ? "<br>" : "")
            .append("<code>")
            .append(Html.text(f.pattern()))
            .append("</code>");
      }
      main.append("</td><td>")
          .append(f.required() ? "<strong>required</strong>" : "optional")
          .append("</td><td>");
      if (!f.codes().isEmpty()) {
        main.append("<ul class=\"codes\">");
        for (CodeValue v : f.codes()) {
          main.append("<li><code>")
              .append(Html.text(v.value()))
              .append("</code> ")
              .append(Html.ja(v.labelJa()))
              .append("</li>");
        }
        main.append("</ul>");
      }
      main.append("</td><td>").append(Html.ja(f.description())).append("</td></tr>\n");
    }
    main.append("</tbody>\n</table></div>\n</section>\n");
  }

  private static void changes(StringBuilder main, EditionChanges c) {
    main.append("<h3>")
        .append(Html.text(c.older().edition()))
        .append(" → ")
        .append(Html.text(c.newer().edition()))
        .append("</h3>\n");
    verdict(
        main, "providers", "<span lang=\"ja\">情報提供者</span>", c.forProviders(), c.older().edition());
    verdict(
        main, "queriers", "<span lang=\"ja\">情報照会者</span>", c.forQueriers(), c.older().edition());
    main.append(
        "<p>The hub's classification (see the compatibility rules):</p>\n<ul class=\"classified\">\n");
    for (LayoutChange change : c.classified()) {
      main.append("<li>")
          .append(Html.text(change.describe()))
          .append(" <small>[")
          .append(Html.text(change.kind().name()))
          .append("; breaks ")
          .append(Html.text(change.breaks()))
          .append("]</small></li>\n");
    }
    main.append("</ul>\n");
    main.append("<p>Every change:</p>\n");
    list(main, c.changes().isEmpty() ? List.of("(none)") : c.changes());
  }

  private static void verdict(
      StringBuilder main, String side, String sideJa, Verdict verdict, String older) {
    boolean ok = verdict == Verdict.COMPATIBLE;
    main.append("<p class=\"")
        .append(ok ? "ok" : "warning")
        .append(" verdict-")
        .append(side)
        .append("\">")
        .append(sideJa)
        .append(" For ")
        .append(side)
        .append(" still on ")
        .append(Html.text(older))
        .append(": ")
        .append(ok ? "compatible, they keep working." : "breaking, they need a planned transition.")
        .append("</p>\n");
  }

  private static void list(StringBuilder main, List<String> lines) {
    if (!lines.isEmpty()) {
      main.append("<ul>\n");
      lines.forEach(s -> main.append("<li>").append(Html.text(s)).append("</li>\n"));
      main.append("</ul>\n");
    }
  }

  private static void rows(
      StringBuilder main, ItemEntry entry, List<ItemUses.Table> tables, RowCells cells) {
    main.append(
        "<section id=\"rows\">\n<h2><span lang=\"ja\">別表第二</span> Permission rows using this item</h2>\n");
    for (ItemUses.Table table : tables) {
      List<ItemEntry.Use> uses = entry.uses().stream().filter(u -> u.version() == table).toList();
      main.append("<h3>Table version ")
          .append(Html.text(table.version()))
          .append(" <small>valid from ")
          .append(table.validFrom())
          .append("</small></h3>\n");
      if (uses.isEmpty()) {
        main.append("<p>No row of this version names the item.</p>\n");
        continue;
      }
      main.append("<div class=\"scroll\"><table>\n<caption>Rows of table version ")
          .append(Html.text(table.version()))
          .append(" naming <code>")
          .append(Html.text(entry.item()))
          .append("</code></caption>\n<thead><tr>");
      cells.headers().forEach(h -> main.append("<th scope=\"col\">").append(h).append("</th>"));
      main.append("</tr></thead>\n<tbody>\n");
      for (ItemEntry.Use use : uses) {
        main.append("<tr id=\"")
            .append(Links.rowId(table.version(), use.row().rowId()))
            .append("\">");
        cells.cells(use.row()).forEach(c -> main.append("<td>").append(c).append("</td>"));
        main.append("</tr>\n");
      }
      main.append("</tbody>\n</table></div>\n");
    }
    main.append("</section>\n");
  }
}
