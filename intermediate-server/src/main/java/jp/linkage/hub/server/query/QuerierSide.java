package jp.linkage.hub.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.OpenedPayload;
import jp.linkage.hub.iface.crypto.PayloadProtectionException;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.QueryDenied;
import jp.linkage.hub.iface.message.Rejection;
import jp.linkage.hub.iface.message.SymbolIssued;
import jp.linkage.hub.server.api.ProvisionRecord;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.ProvisionRecords;
import jp.linkage.hub.server.records.Rejections;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Json;
import jp.linkage.hub.server.tenant.Tenant;

/** The querier's side: symbols arriving, answers opened and mapped back to the local id. */
public final class QuerierSide {
  private final PayloadProtector protector;
  private final CertificateDirectory directory;

  public QuerierSide(PayloadProtector protector, CertificateDirectory directory) {
    this.protector = protector;
    this.directory = directory;
  }

  void symbolIssued(Connection c, String agency, SymbolIssued issued, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE is_symbol_request SET completed_at = ?"
                + " WHERE agency = ? AND request_ref = ? RETURNING local_id")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(now));
      ps.setString(2, agency);
      ps.setString(3, issued.requestRef());
      try (var rs = ps.executeQuery()) {
        if (rs.next()) {
          PersonLinks.link(c, agency, rs.getString(1), new Symbol(issued.symbol()));
        }
      }
    }
  }

  /** The outcome of opening a delivered answer: the plain result, or why it could not be opened. */
  record Opening(String result, String failure) {}

  /** Decrypts and verifies a PROVIDED answer; touches no database, so it may run on any thread. */
  Opening open(Tenant tenant, AnswerDelivery d) {
    if (d.outcome() != ProvisionOutcome.PROVIDED) {
      return new Opening(null, null);
    }
    try {
      OpenedPayload opened =
          protector.open(
              Base64.getDecoder().decode(d.sealedPayload()),
              tenant.credentials(),
              directory,
              d.provider());
      String result = new String(opened.content(), java.nio.charset.StandardCharsets.UTF_8);
      String misbound = boundElsewhere(result, d.linkageId(), tenant.agency());
      return misbound == null ? new Opening(result, null) : new Opening(null, misbound);
    } catch (PayloadProtectionException | IllegalArgumentException e) {
      return new Opening(null, "answer could not be opened: " + e.getMessage());
    }
  }

  /**
   * Why a verified answer does not belong here: signed for another linkage or another querier (a
   * signed answer re-encrypted to us, or replayed into another linkage); null when it does.
   */
  private static String boundElsewhere(String answer, String linkageId, String agency) {
    JsonNode doc;
    try {
      doc = Json.read(answer);
    } catch (IllegalStateException e) {
      return "answer could not be opened: the signed content is not an answer document";
    }
    if (!linkageId.equals(doc.path("linkageId").asText(null))) {
      return "answer could not be opened: signed for linkage "
          + doc.path("linkageId").asText("(none)")
          + ", not "
          + linkageId;
    }
    if (!agency.equals(doc.path("querier").asText(null))) {
      return "answer could not be opened: signed for querier "
          + doc.path("querier").asText("(none)")
          + ", not "
          + agency;
    }
    return null;
  }

  Optional<QueryCompletion> delivered(Connection c, Tenant tenant, AnswerDelivery d, Instant now)
      throws SQLException {
    return delivered(c, tenant, d, open(tenant, d), now);
  }

  /**
   * @param opening what {@link #open} gave for {@code d}
   */
  Optional<QueryCompletion> delivered(
      Connection c, Tenant tenant, AnswerDelivery d, Opening opening, Instant now)
      throws SQLException {
    String agency = tenant.agency();
    Optional<String> localId = PersonLinks.localIdOf(c, agency, new Symbol(d.symbol()));
    String status = opening.failure() == null ? "ANSWERED" : "FAILED";
    String result = opening.result();
    String detail = opening.failure();
    if (localId.isEmpty()) {
      status = "FAILED";
      detail = "the answer's symbol maps to no local id of " + agency;
    }
    boolean completed =
        Queries.complete(c, agency, d.linkageId(), status, d.outcome().name(), result, detail, now);
    ProvisionRecords.record(
        c,
        new ProvisionRecord(
            agency,
            d.linkageId(),
            "QUERIER",
            d.provider(),
            d.procedure(),
            d.item(),
            localId.orElse(null),
            d.outcome().name(),
            now));
    return completion(completed, agency, d.linkageId(), status, d.outcome().name());
  }

  Optional<QueryCompletion> denied(Connection c, String agency, QueryDenied denied, Instant now)
      throws SQLException {
    boolean completed =
        Queries.complete(
            c,
            agency,
            denied.linkageId(),
            "DENIED",
            null,
            null,
            denied.reason() + ": " + denied.message(),
            now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_provision_record (agency, linkage_id,"
                + " role, counterpart, procedure, item, local_id, outcome, recorded_at)"
                + " SELECT agency, linkage_id, 'QUERIER', provider, procedure, item, local_id, 'DENIED', ?"
                + " FROM is_query WHERE agency = ? AND linkage_id = ? ON CONFLICT DO NOTHING")) {
      ps.setTimestamp(1, java.sql.Timestamp.from(now));
      ps.setString(2, agency);
      ps.setString(3, denied.linkageId());
      ps.executeUpdate();
    }
    return completion(completed, agency, denied.linkageId(), "DENIED", null);
  }

  Optional<QueryCompletion> rejected(Connection c, String agency, Rejection r, Instant now)
      throws SQLException {
    boolean completed =
        r.rejectedMessageId() != null
            && Queries.complete(
                c,
                agency,
                r.rejectedMessageId(),
                "REJECTED",
                null,
                null,
                r.field() + " broke " + r.rule() + ": " + r.message(),
                now);
    Rejections.keep(c, agency, r.rejectedMessageId(), r.field(), r.rule(), r.message());
    return completion(completed, agency, r.rejectedMessageId(), "REJECTED", null);
  }

  /** Only the first completion of a query is announced; a redelivery changes nothing. */
  private static Optional<QueryCompletion> completion(
      boolean completed, String agency, String linkageId, String status, String outcome) {
    return completed
        ? Optional.of(new QueryCompletion(agency, linkageId, status, outcome))
        : Optional.empty();
  }
}
