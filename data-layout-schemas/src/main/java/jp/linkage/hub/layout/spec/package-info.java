/**
 * 公開仕様 (published, machine-readable specifications): JSON Schema (draft 2020-12) generated from the
 * data standard layout files, so the published schemas cannot drift from what {@link
 * jp.linkage.hub.layout.LayoutValidator} enforces.
 */
package jp.linkage.hub.layout.spec;
