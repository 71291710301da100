package jp.linkage.hub.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 住民 (a resident) as held by the resident registry stand-in. All data is synthetic.
 *
 * @param myNumber 個人番号
 * @param residentRecordCode 住民票コード, the input to symbol generation
 * @param familyName 氏 (kanji)
 * @param givenName 名 (kanji or kana)
 * @param birthDate 生年月日
 * @param sex 性別
 * @param municipalityCode 全国地方公共団体コード (6 digits incl. check digit), e.g. "131016" 千代田区
 * @param addressLine 住所
 */
public record Person(
    MyNumber myNumber,
    ResidentRecordCode residentRecordCode,
    String familyName,
    String givenName,
    LocalDate birthDate,
    Sex sex,
    String municipalityCode,
    String addressLine) {

  public Person {
    Objects.requireNonNull(myNumber, "myNumber");
    Objects.requireNonNull(residentRecordCode, "residentRecordCode");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(municipalityCode, "municipalityCode");
    Objects.requireNonNull(addressLine, "addressLine");
  }

  /** Written out explicitly so that adding a component can never leak a number into a log. */
  @Override
  public String toString() {
    return "Person[myNumber="
        + myNumber
        + ", residentRecordCode="
        + residentRecordCode
        + ", name="
        + familyName
        + " "
        + givenName
        + ", birthDate="
        + birthDate
        + ", sex="
        + sex
        + ", municipalityCode="
        + municipalityCode
        + "]";
  }
}
