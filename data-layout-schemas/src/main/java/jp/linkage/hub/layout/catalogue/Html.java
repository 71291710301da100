package jp.linkage.hub.layout.catalogue;

/**
 * Escaping for text that comes from data files. Every value written into a page goes through {@link
 * #text}; values that become file names or fragment ids go through {@link #slug} as well.
 */
final class Html {
  private Html() {}

  /**
   * {@code s} escaped for element content and double-quoted attribute values; {@code null} is
   * empty.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code s} made safe as a file name and as a URL fragment without further encoding: letters,
   * digits, {@code -}, {@code _} and {@code .} stay; anything else becomes {@code ~} and its code
   * point in hex, so different inputs never collide (data codes are plain ASCII, so in practice
   * nothing changes).
   */
  static String slug(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean plain =
                  cp < 128
                      && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.');
              if (plain && !(cp == '.' && out.isEmpty())) {
                out.appendCodePoint(cp);
              } else {
                out.append('~').append(Integer.toHexString(cp)).append('~');
              }
            });
    return out.toString();
  }

  /** A Japanese text in its own {@code lang="ja"} span, escaped. */
  static String ja(String s) {
    return "<span lang=\"ja\">" + text(s) + "</span>";
  }
}
