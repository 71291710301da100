/**
 * 公開仕様 (published interface specifications) generated from the code itself: JSON Schemas of the
 * CloudEvents envelope and of every payload record (by reflection over record components and {@link
 * jp.linkage.hub.iface.message.OptionalField}), and an AsyncAPI 3.0 document of every topic.
 * Nothing here is written by hand per field, so the published specifications cannot drift from what
 * the hub sends.
 */
package jp.linkage.hub.iface.spec;
