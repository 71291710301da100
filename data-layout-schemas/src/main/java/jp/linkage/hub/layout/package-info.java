/**
 * データ標準レイアウト (data standard layouts): per information item (特定個人情報), versioned field definitions
 * shared by querier and provider. The JSON files under {@code layouts/} on the class path are the
 * single source for validation ({@link jp.linkage.hub.layout.LayoutValidator}), documentation and
 * published interface specifications; see the module README for the format and the compatibility
 * rules ({@link jp.linkage.hub.layout.LayoutCompatibility}).
 */
package jp.linkage.hub.layout;
