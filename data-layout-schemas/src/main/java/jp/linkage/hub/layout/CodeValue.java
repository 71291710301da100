package jp.linkage.hub.layout;

import java.util.Objects;

/**
 * One value of a code list (コード表), e.g. {@code 1} = 男.
 *
 * @param value the value as it appears in documents
 * @param labelJa its meaning in Japanese
 */
public record CodeValue(String value, String labelJa) {

  public CodeValue {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(labelJa, "labelJa");
  }
}
