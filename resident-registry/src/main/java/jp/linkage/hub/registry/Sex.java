package jp.linkage.hub.registry;

/** 性別 as recorded on the 住民票 (resident record). */
public enum Sex {
  MALE,
  FEMALE
}
