package jp.linkage.hub.layout;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * One edition of the データ標準レイアウト for one information item (特定個人情報).
 *
 * @param item information item code, e.g. {@code local-tax-info}
 * @param edition edition id, e.g. {@code 2026-04}
 * @param nameJa item name, e.g. {@code 地方税関係情報}
 * @param nameEn English item name
 * @param validFrom first day the edition is used
 * @param fields the fields, in documentation order
 */
public record Layout(
    String item,
    String edition,
    String nameJa,
    String nameEn,
    LocalDate validFrom,
    List<LayoutField> fields) {

  public Layout {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(nameJa, "nameJa");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(validFrom, "validFrom");
    fields = List.copyOf(fields);
  }

  /** The item and edition this layout defines. */
  public ItemRef ref() {
    return new ItemRef(item, edition);
  }

  /** The field with this code, if the layout defines it. */
  public Optional<LayoutField> field(String code) {
    return fields.stream().filter(f -> f.code().equals(code)).findFirst();
  }
}
