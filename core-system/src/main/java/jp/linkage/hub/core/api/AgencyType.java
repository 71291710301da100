package jp.linkage.hub.core.api;

/**
 * Kind of agency (情報照会者 / 情報提供者の種別) as named in the permission table. Rows name agency types, not
 * individual agencies: every municipality may do what a MUNICIPALITY row allows.
 */
public enum AgencyType {
  /** 市町村長 (municipality), e.g. 千代田区, 大阪市. */
  MUNICIPALITY("市町村長"),
  /** 都道府県知事 (prefecture). */
  PREFECTURE("都道府県知事"),
  /** 健康保険組合 (health insurance society). */
  HEALTH_INSURANCE_SOCIETY("健康保険組合"),
  /** 国民健康保険組合 (national health insurance association). */
  NHI_ASSOCIATION("国民健康保険組合"),
  /** 後期高齢者医療広域連合 (late-stage elderly medical care union). */
  LATE_ELDERLY_MEDICAL_UNION("後期高齢者医療広域連合"),
  /** 日本年金機構 (Japan Pension Service, acting for the Minister of Health, Labour and Welfare). */
  PENSION_ORGANISATION("日本年金機構"),
  /** 独立行政法人日本学生支援機構 (Japan Student Services Organization). */
  JASSO("独立行政法人日本学生支援機構"),
  /** 厚生労働大臣 (Minister of Health, Labour and Welfare). */
  MHLW("厚生労働大臣");

  private final String nameJa;

  AgencyType(String nameJa) {
    this.nameJa = nameJa;
  }

  /** The Japanese legal designation used in the table, e.g. {@code 市町村長}. */
  public String nameJa() {
    return nameJa;
  }
}
