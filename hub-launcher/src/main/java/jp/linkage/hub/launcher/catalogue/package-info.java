/**
 * レイアウト目録 (layout catalogue): a static HTML site, generated from the same layout files and
 * permission table the hub runs on, listing every information item, edition, field, code list and the
 * permission rows that use each item, with a search that works offline in a browser (no server, no CDN).
 */
package jp.linkage.hub.launcher.catalogue;
