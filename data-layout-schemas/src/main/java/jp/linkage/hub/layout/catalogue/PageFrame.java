package jp.linkage.hub.layout.catalogue;

/**
 * The frame every page shares: head (no external resource; a Content-Security-Policy that lets
 * nothing but the site's own files load), the site header with a search form, and the footer.
 */
final class PageFrame {
  /**
   * Only the site's own files; {@code file:} because Chromium does not count file URLs as 'self'.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file:;"
          + " base-uri 'none'; form-action 'self' file:";

  private PageFrame() {}

  /**
   * A whole page.
   *
   * @param title page title (plain text; escaped here)
   * @param root relative path from the page to the site root, {@code ""} or {@code "../"}
   * @param scripts site-root-relative script paths, loaded at the end of the body
   * @param mainHtml the content of {@code <main>}, already HTML
   */
  static String page(String title, String root, String mainHtml, String... scripts) {
    StringBuilder html = new StringBuilder(mainHtml.length() + 2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(Html.text(CSP))
        .append("\">\n")
        .append("<title>")
        .append(Html.text(title))
        .append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(root)
        .append("assets/catalogue.css\">\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header>\n")
        .append("<p class=\"site\"><a href=\"")
        .append(root)
        .append("index.html\"><span lang=\"ja\">データ標準レイアウト目録</span>")
        .append(" Data standard layout catalogue</a></p>\n");
    if (!root.isEmpty()) {
      // Sub-pages search by going to the index with ?q=, which then runs the search
      html.append("<form role=\"search\" action=\"")
          .append(root)
          .append("index.html\" method=\"get\">")
          .append("<label for=\"q\"><span lang=\"ja\">検索</span> Search</label> ")
          .append(
              "<input id=\"q\" name=\"q\" type=\"search\"> <button type=\"submit\">Search</button></form>\n");
    }
    html.append("</header>\n<main id=\"main\">\n")
        .append(mainHtml)
        .append("</main>\n<footer>\n")
        .append(
            "<p>Generated from the layout files (<code>data-layout-schemas/</code>) and the permission table")
        .append(
            " (<code>core-system/</code>) the hub runs on; do not edit. Works offline: no server, no external files.</p>\n")
        .append("</footer>\n");
    for (String script : scripts) {
      html.append("<script src=\"").append(root).append(script).append("\"></script>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }
}
