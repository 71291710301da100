/**
 * レイアウト目録 (layout catalogue): a static HTML site, generated from the same layout files and
 * permission table the hub runs on, listing every information item, edition, field, code list and
 * the permission rows that use each item, with a search that works offline in a browser (no server,
 * no CDN). The permission table belongs to the core, above this module: its rows come in as {@link
 * jp.linkage.hub.layout.catalogue.ItemUses}, named cells the launcher fills from the table.
 */
package jp.linkage.hub.layout.catalogue;
