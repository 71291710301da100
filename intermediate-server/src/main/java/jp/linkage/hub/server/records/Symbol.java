package jp.linkage.hub.server.records;

import java.util.Objects;

/**
 * An agency's symbol (機関別符号) for one person, as the hub issued it: what the agency's queries and
 * the hub's messages name the person by, in place of the agency's local id. A type of its own so
 * that a local id and a symbol cannot be passed one for the other. It is a pseudonymous personal
 * identifier: {@link #toString} shows only its first characters.
 *
 * @param encoded the symbol as the hub's messages carry it (base64url)
 */
public record Symbol(String encoded) {
  /** At most this many leading characters are shown by {@link #toString}. */
  private static final int SHOWN = 6;

  public Symbol {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.isBlank()) {
      throw new IllegalArgumentException("a symbol must not be blank");
    }
  }

  /**
   * The first characters only (never more than half of it), enough to tell symbols apart in a log.
   */
  @Override
  public String toString() {
    return "Symbol[" + encoded.substring(0, Math.min(SHOWN, encoded.length() / 2)) + "…]";
  }
}
