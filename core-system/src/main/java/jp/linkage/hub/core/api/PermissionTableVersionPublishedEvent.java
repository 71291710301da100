package jp.linkage.hub.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One edition of 別表第二 (permission table) entered the event log before any query was judged against
 * it. With {@link AgencyRegisteredEvent}s this lets an auditor re-judge every past query from the
 * event log alone (invariant 3), without trusting the hub's current files.
 *
 * @param version edition id, e.g. {@code 2026-04}
 * @param validFrom first day (Asia/Tokyo) on which the edition governs queries
 * @param rows every row, with its legal basis and own start date
 * @param sourceSha256 SHA-256 (hex) of the edition's file {@code permission-table/<version>.json}
 *     as shipped, to compare with the published text; {@code null} when the table did not come from
 *     such a file
 * @param publishedAt when the core first ran with this edition
 */
public record PermissionTableVersionPublishedEvent(
    String version,
    LocalDate validFrom,
    List<PermissionRow> rows,
    String sourceSha256,
    Instant publishedAt) {}
