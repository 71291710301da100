package jp.linkage.hub.iface.message;

/**
 * Querier → hub: 情報照会. The envelope id is the linkage id.
 *
 * @param procedure the administrative procedure (事務) that is the legal purpose
 * @param provider agency code of the provider (情報提供者)
 * @param item information item code (特定個人情報)
 * @param symbol the querier's own symbol for the person
 * @param layoutEdition the data standard layout edition the querier expects
 */
public record QueryRequest(
    String procedure, String provider, String item, String symbol, String layoutEdition) {}
