package jp.linkage.hub.core.agency;

import jp.linkage.hub.core.api.AgencyType;

/**
 * An agency connected to the hub (情報照会者 / 情報提供者).
 *
 * @param code the agency code, also the middle part of its topic names
 * @param type the kind of agency that permission table rows name
 * @param nameJa the Japanese name
 * @param nameEn the English name
 */
public record Agency(String code, AgencyType type, String nameJa, String nameEn) {}
