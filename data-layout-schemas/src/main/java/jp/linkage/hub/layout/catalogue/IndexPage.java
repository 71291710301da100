package jp.linkage.hub.layout.catalogue;

import java.util.List;
import jp.linkage.hub.layout.Layout;

/**
 * The site's front page: the search box, every item with its editions, and the permission table
 * versions.
 */
final class IndexPage {
  private IndexPage() {}

  /** The page's HTML; {@code tables} are all permission table versions, newest first. */
  static String render(List<ItemEntry> items, List<ItemUses.Table> tables) {
    StringBuilder main = new StringBuilder(8192);
    main.append("<h1><span lang=\"ja\">データ標準レイアウト目録</span> Data standard layout catalogue</h1>\n")
        .append(
            "<p>Every information item (<span lang=\"ja\">特定個人情報</span>), its layout editions, fields and code")
        .append(
            " lists, and the permission rows (<span lang=\"ja\">別表第二</span>) that use it.</p>\n")
        .append("<form id=\"search\" role=\"search\" action=\"index.html\" method=\"get\">\n")
        .append(
            "<label for=\"q\"><span lang=\"ja\">検索</span> Search names, codes and descriptions</label>\n")
        .append(
            "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" aria-describedby=\"q-hint\" aria-controls=\"results\">\n")
        .append(
            "<button type=\"submit\">Search</button>\n<p id=\"q-hint\" class=\"hint\">Japanese or English, e.g.")
        .append(
            " <span lang=\"ja\">課税</span>, <span lang=\"ja\">こーど</span>, insurer, <code>taxYear</code>,")
        .append(
            " <code>B2-2-1</code>. Hiragana and katakana, full- and half-width are treated alike.</p>\n</form>\n")
        .append(
            "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"results\"></ol>\n")
        .append(
            "<noscript><p>Search needs JavaScript; every item is listed below.</p></noscript>\n");
    main.append(
            "<section id=\"items\">\n<h2><span lang=\"ja\">情報項目</span> Information items</h2>\n")
        .append(
            "<div class=\"scroll\"><table>\n<caption>Items, their editions and permission rows</caption>\n")
        .append(
            "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Code</th><th scope=\"col\">Editions</th>")
        .append(
            "<th scope=\"col\">Fields (newest)</th><th scope=\"col\">Permission rows (newest table)</th></tr></thead>\n<tbody>\n");
    ItemUses.Table newestTable = tables.isEmpty() ? null : tables.get(0);
    for (ItemEntry e : items) {
      String page = Links.itemPage(e.item());
      main.append("<tr><th scope=\"row\"><a href=\"")
          .append(page)
          .append("\">")
          .append(Html.ja(e.nameJa()))
          .append("<br>")
          .append(Html.text(e.nameEn()))
          .append("</a></th><td><code>")
          .append(Html.text(e.item()))
          .append("</code></td><td>");
      if (e.editions().isEmpty()) {
        main.append("<strong>none</strong>");
      }
      for (Layout l : e.editions()) {
        main.append("<a href=\"")
            .append(page)
            .append('#')
            .append(Links.editionId(l.edition()))
            .append("\">")
            .append(Html.text(l.edition()))
            .append("</a> ");
      }
      long rows = e.uses().stream().filter(u -> u.version() == newestTable).count();
      main.append("</td><td>")
          .append(e.latest().map(l -> l.fields().size()).orElse(0))
          .append("</td><td>")
          .append(rows)
          .append("</td></tr>\n");
    }
    main.append("</tbody>\n</table></div>\n</section>\n");
    main.append(
        "<section id=\"tables\">\n<h2><span lang=\"ja\">別表第二</span> Permission table versions</h2>\n<ul>\n");
    for (ItemUses.Table t : tables) {
      main.append("<li>")
          .append(Html.text(t.version()))
          .append(", valid from ")
          .append(t.validFrom())
          .append(": ")
          .append(t.rows().size())
          .append(" rows</li>\n");
    }
    main.append("</ul>\n</section>\n");
    return PageFrame.page(
        "データ標準レイアウト目録 Data standard layout catalogue",
        "",
        main.toString(),
        "assets/search-index.js",
        "assets/search.js");
  }
}
