package jp.linkage.hub.server.api;

import java.time.Instant;

/**
 * The agency's copy of one provision record (情報提供等記録).
 *
 * @param role QUERIER or PROVIDER: which side of the linkage this agency was
 * @param counterpart the other agency
 * @param localId the agency's own id of the person, or null when the person was unknown
 */
public record ProvisionRecord(
    String agency,
    String linkageId,
    String role,
    String counterpart,
    String procedure,
    String item,
    String localId,
    String outcome,
    Instant recordedAt) {}
