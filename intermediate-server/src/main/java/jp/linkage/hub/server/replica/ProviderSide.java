package jp.linkage.hub.server.replica;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.chain.ChainAppender;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.layout.EditionProjection;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.Violation;
import jp.linkage.hub.server.alerts.ReplicaAlerts;
import jp.linkage.hub.server.api.AnswerDocument;
import jp.linkage.hub.server.api.AnswerDocument.Freshness;
import jp.linkage.hub.server.api.AnswerDocument.PendingChange;
import jp.linkage.hub.server.api.ProvisionRecord;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.freshness.ItemPolicy;
import jp.linkage.hub.server.freshness.ReplicaPolicies;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.records.PersonLinks;
import jp.linkage.hub.server.records.ProvisionRecords;
import jp.linkage.hub.server.records.Symbol;
import jp.linkage.hub.server.support.Json;
import jp.linkage.hub.server.support.ServerSchema;
import jp.linkage.hub.server.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's automatic answer (自動応答): map the symbol to the local id, read the replica, check
 * it against its data standard layout, seal the answer for the querier, record the provision, and
 * queue the answer, in one transaction. While a change notice is pending for the person and item,
 * the item's policy decides: answer with the warning, hold the answer until the change is
 * registered (bounded), or route the query to the staff.
 */
public final class ProviderSide {
  private static final Logger log = LoggerFactory.getLogger(ProviderSide.class);
  private final EnvelopeCodec codec;
  private final PayloadProtector protector;
  private final CertificateDirectory directory;
  private final Outbox outbox;
  private final LayoutValidator layouts;
  private final ReplicaPolicies policies;
  private final EditionProjection editions;

  public ProviderSide(
      EnvelopeCodec codec,
      PayloadProtector protector,
      CertificateDirectory directory,
      Outbox outbox,
      LayoutValidator layouts,
      ReplicaPolicies policies) {
    this.policies = policies;
    this.editions = new EditionProjection(layouts.catalog());
    this.codec = codec;
    this.protector = protector;
    this.directory = directory;
    this.outbox = outbox;
    this.layouts = layouts;
  }

  /** Answers in the caller's transaction, access-log entry included. */
  void answer(Connection c, Tenant tenant, ProvisionRequest request, Instant now)
      throws SQLException {
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    Prepared prepared = prepare(c, accessLog, tenant, request, now, false);
    finish(c, prepared, prepared.plain() == null ? null : seal(prepared));
    accessLog.flush();
  }

  /**
   * What the answer needs after the replica read; {@code plain} is null unless PROVIDED; {@code
   * outcome} is null when the answer is held back (deferred) and nothing is to be sent now.
   */
  public record Prepared(
      Tenant tenant,
      ProvisionRequest request,
      String localId,
      ProvisionOutcome outcome,
      byte[] plain,
      Instant now) {
    public boolean deferred() {
      return outcome == null;
    }
  }

  /**
   * The answer's reads in the caller's transaction: symbol → local id, replica read (its access-log
   * entry staged in {@code accessLog}, which the caller flushes before commit).
   */
  public Prepared prepare(
      Connection c,
      ChainAppender accessLog,
      Tenant tenant,
      ProvisionRequest request,
      Instant now,
      boolean released)
      throws SQLException {
    String agency = tenant.agency();
    Optional<String> found = PersonLinks.localIdOf(c, agency, new Symbol(request.symbol()));
    if (found.isEmpty()) {
      return new Prepared(tenant, request, null, ProvisionOutcome.UNKNOWN_PERSON, null, now);
    }
    String localId = found.get();
    Optional<PendingChange> pending =
        ChangeNotices.oldestPending(c, agency, request.item(), localId);
    if (pending.isPresent() && !released) {
      ItemPolicy policy = policies.forItem(request.item());
      switch (policy.whilePending(request.procedure())) {
        case DEFER -> {
          DeferredAnswers.defer(c, agency, localId, request, now, now.plus(policy.deferFor()));
          return new Prepared(tenant, request, localId, null, null, now);
        }
        case MANUAL -> {
          ReplicaAlerts.raise(
              c,
              new ReplicaAlert(
                  0,
                  agency,
                  ReplicaAlert.MANUAL_HANDLING,
                  request.item(),
                  localId,
                  pending.get().masterChangedAt(),
                  pending.get().deadline(),
                  request.linkageId(),
                  "query from "
                      + request.querier()
                      + " for "
                      + request.procedure()
                      + " arrived while a change is pending; answer it by hand",
                  now));
          return new Prepared(
              tenant, request, localId, ProvisionOutcome.MANUAL_HANDLING, null, now);
        }
        case WARN -> {} // answer below, marked as pending
      }
    }
    Optional<ReplicaRecord> replica =
        ReplicaStore.read(c, accessLog, agency, request.item(), localId, request.linkageId(), now);
    if (replica.isEmpty()) {
      return new Prepared(
          tenant,
          request,
          localId,
          pending.isPresent() ? ProvisionOutcome.NOT_YET_REGISTERED : ProvisionOutcome.NO_RECORD,
          null,
          now);
    }
    ReplicaRecord r = replica.get();
    List<Violation> violations = layouts.validate(r.item(), r.document());
    if (!violations.isEmpty()) {
      // the layout changed under a stored record: provide nothing rather than data nobody can trust
      log.warn(
          "{}: replica of {} (edition {}) for linkage {} breaks its layout: {}",
          agency,
          request.item(),
          r.item().edition(),
          request.linkageId(),
          violations.stream().map(v -> v.fieldPath() + " " + v.rule()).toList());
      return new Prepared(tenant, request, localId, ProvisionOutcome.RECORD_INVALID, null, now);
    }
    // during a transition: answer in the querier's edition when the layouts allow, else in the
    // replica's
    String edition = r.item().edition();
    JsonNode data = r.document();
    if (request.layoutEdition() != null && !request.layoutEdition().equals(edition)) {
      Optional<JsonNode> projected = editions.project(r.item(), request.layoutEdition(), data);
      if (projected.isPresent()) {
        edition = request.layoutEdition();
        data = projected.get();
      }
    }
    byte[] plain =
        Json.write(
                new AnswerDocument(
                    request.linkageId(),
                    request.querier(),
                    r.item().code(),
                    edition,
                    r.registeredAt(),
                    r.masterChangedAt(),
                    freshness(r, pending.orElse(null), now),
                    data))
            .getBytes(StandardCharsets.UTF_8);
    return new Prepared(tenant, request, localId, ProvisionOutcome.PROVIDED, plain, now);
  }

  private static Freshness freshness(ReplicaRecord r, PendingChange pending, Instant now) {
    if (pending == null) {
      return new Freshness(AnswerDocument.Status.FRESH, r.deadline(), null);
    }
    boolean overdue = pending.deadline() != null && now.isAfter(pending.deadline());
    return new Freshness(
        overdue ? AnswerDocument.Status.CHANGE_OVERDUE : AnswerDocument.Status.CHANGE_PENDING,
        r.deadline(),
        pending);
  }

  /** Signs and encrypts a PROVIDED answer; touches no database, so it may run on any thread. */
  public String seal(Prepared p) {
    return Base64.getEncoder()
        .encodeToString(
            protector.seal(
                p.plain(),
                p.tenant().credentials(),
                directory.encryptionCertificate(p.request().querier())));
  }

  /** Records the provision and queues the answer, in the transaction of {@link #prepare}. */
  public void finish(Connection c, Prepared p, String sealed) throws SQLException {
    if (p.deferred()) {
      return; // answered later, when the change is registered or the bound passes
    }
    String agency = p.tenant().agency();
    ProvisionRequest request = p.request();
    ProvisionRecords.record(
        c,
        new ProvisionRecord(
            agency,
            request.linkageId(),
            "PROVIDER",
            request.querier(),
            request.procedure(),
            request.item(),
            p.localId(),
            p.outcome().name(),
            p.now()));
    Envelope answer =
        codec.envelope(
            Envelope.agencySource(agency),
            MessageType.PROVISION_ANSWERED,
            request.linkageId(),
            new ProvisionAnswer(request.linkageId(), p.outcome(), sealed));
    outbox.add(c, TopicLayout.toHub(agency), request.linkageId(), answer);
  }
}
