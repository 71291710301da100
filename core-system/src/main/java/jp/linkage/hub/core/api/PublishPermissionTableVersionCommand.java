package jp.linkage.hub.core.api;

import java.time.Instant;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts one permission table edition into the event log, once (sent by the core at start). */
public record PublishPermissionTableVersionCommand(
    @TargetAggregateIdentifier String publicationId,
    PermissionTableVersion version,
    String sourceSha256,
    Instant publishedAt) {}
