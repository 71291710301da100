package jp.linkage.hub.layout.api;

import java.util.Objects;

/**
 * An information item (特定個人情報) in one data standard layout edition: names the layout a document
 * follows, a query asks for or a replica holds, e.g. {@code local-tax-info} in edition {@code
 * 2026-04}.
 *
 * @param code information item code, e.g. {@code local-tax-info}
 * @param edition layout edition id, e.g. {@code 2026-04}
 */
public record ItemRef(String code, String edition) {

  public ItemRef {
    requireNonBlank(code, "code");
    requireNonBlank(edition, "edition");
  }

  private static void requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
