package jp.linkage.hub.iface.routing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Masks every run of 11 or more digits in a rejected message before it is kept or logged, so that a
 * back-office that wrongly sends a My Number (個人番号) or resident record code (住民票コード) does not put
 * it into the hub's tables (invariant 1).
 */
public final class Redaction {
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{11,}");
  private static final int MAX_KEPT_CHARS = 8_192;

  private Redaction() {}

  public static String redact(byte[] value) {
    if (value == null) {
      return "";
    }
    String text = new String(value, StandardCharsets.UTF_8);
    if (text.length() > MAX_KEPT_CHARS) {
      text = text.substring(0, MAX_KEPT_CHARS) + "…(truncated)";
    }
    return redact(text);
  }

  public static String redact(String text) {
    return LONG_DIGIT_RUN.matcher(text).replaceAll(m -> "#".repeat(m.group().length()));
  }

  public static boolean containsLongDigitRun(String text) {
    return text != null && LONG_DIGIT_RUN.matcher(text).find();
  }
}
