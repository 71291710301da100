package jp.linkage.hub.iface.backoffice.message;

/**
 * Back-office → server: 情報照会 about the person the agency knows as {@code localId}. The envelope id
 * becomes the linkage id (情報連携 ID), so a resent query is the same query.
 *
 * @param procedure the administrative procedure (事務) that is the legal purpose
 * @param provider agency code of the provider (情報提供者)
 * @param item information item code
 * @param edition the data standard layout edition the back-office reads
 */
public record BackOfficeQuery(
    String localId, String procedure, String provider, String item, String edition) {}
