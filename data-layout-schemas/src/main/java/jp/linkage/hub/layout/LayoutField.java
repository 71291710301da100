package jp.linkage.hub.layout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field (データ項目) of a data standard layout.
 *
 * @param code key of the field in a document, lower camel case, e.g. {@code dateOfBirth}
 * @param nameJa name of the field in the layout, e.g. {@code 生年月日}
 * @param nameEn English name
 * @param type value type
 * @param maxLength maximum length in characters (Unicode code points), STRING only; {@code null} if
 *     none
 * @param pattern regular expression the whole value must match, STRING only; {@code null} if none
 * @param codes allowed values, CODE only; empty otherwise
 * @param required whether every document must carry a non-empty value
 * @param description what the field means and where its value comes from
 */
public record LayoutField(
    String code,
    String nameJa,
    String nameEn,
    FieldType type,
    Integer maxLength,
    String pattern,
    List<CodeValue> codes,
    boolean required,
    String description) {

  public LayoutField {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nameJa, "nameJa");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  /** The code value entry for {@code value}, if this field's code list has it. */
  public Optional<CodeValue> codeValue(String value) {
    return codes.stream().filter(c -> c.value().equals(value)).findFirst();
  }
}
