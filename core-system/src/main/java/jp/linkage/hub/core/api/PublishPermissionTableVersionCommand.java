package jp.linkage.hub.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts one permission table edition into the event log, once (sent by the core at start). Carries
 * what {@link PermissionTableVersionPublishedEvent} logs.
 *
 * @param version edition id, e.g. {@code 2026-04}
 * @param validFrom first day (Asia/Tokyo) on which the edition governs queries
 * @param rows every row of the edition
 */
public record PublishPermissionTableVersionCommand(
    @TargetAggregateIdentifier String publicationId,
    String version,
    LocalDate validFrom,
    List<PermissionRow> rows,
    String sourceSha256,
    Instant publishedAt) {

  public PublishPermissionTableVersionCommand {
    rows = List.copyOf(rows);
  }
}
