/**
 * 別表第二 (now 主務省令) — the permission table: which querier type may ask which provider type for which
 * information item (特定個人情報), for which administrative procedure (事務).
 *
 * <p>The table is versioned: each {@link jp.linkage.hub.core.permission.PermissionTableVersion} has
 * a {@code validFrom} date, and every query is judged against the version in force at the moment of
 * the query (dates in Asia/Tokyo). Versions live as JSON files under {@code permission-table/} on
 * the class path, listed in {@code permission-table/index.json}.
 */
package jp.linkage.hub.core.permission;
