package jp.linkage.hub.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.audit.ChainAppender;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MessageType;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.iface.message.ProvisionRequest;
import jp.linkage.hub.layout.LayoutValidator;
import jp.linkage.hub.layout.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's automatic answer (自動応答): map the symbol to the local id, read the replica,
 * check it against its data standard layout, seal the answer for the querier, record the provision,
 * and queue the answer, in one transaction.
 */
final class ProviderSide {
  private static final Logger log = LoggerFactory.getLogger(ProviderSide.class);
  private final EnvelopeCodec codec;
  private final PayloadProtector protector;
  private final CertificateDirectory directory;
  private final Outbox outbox;
  private final LayoutValidator layouts;

  ProviderSide(EnvelopeCodec codec, PayloadProtector protector, CertificateDirectory directory, Outbox outbox,
      LayoutValidator layouts) {
    this.codec = codec;
    this.protector = protector;
    this.directory = directory;
    this.outbox = outbox;
    this.layouts = layouts;
  }

  /** Answers in the caller's transaction, access-log entry included. */
  void answer(Connection c, Tenant tenant, ProvisionRequest request, Instant now) throws Exception {
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    Prepared prepared = prepare(c, accessLog, tenant, request, now);
    finish(c, prepared, prepared.plain() == null ? null : seal(prepared));
    accessLog.flush();
  }

  /** What the answer needs after the replica read; {@code plain} is null unless PROVIDED. */
  record Prepared(Tenant tenant, ProvisionRequest request, String localId, ProvisionOutcome outcome,
      byte[] plain, Instant now) {}

  /**
   * The answer's reads in the caller's transaction: symbol → local id, replica read (its access-log
   * entry staged in {@code accessLog}, which the caller flushes before commit).
   */
  Prepared prepare(Connection c, ChainAppender accessLog, Tenant tenant, ProvisionRequest request,
      Instant now) throws Exception {
    String agency = tenant.agency();
    Optional<String> localId = PersonLinks.localIdOf(c, agency, request.symbol());
    if (localId.isEmpty()) {
      return new Prepared(tenant, request, null, ProvisionOutcome.UNKNOWN_PERSON, null, now);
    }
    Optional<ReplicaRecord> replica =
        ReplicaStore.read(c, accessLog, agency, request.item(), localId.get(), request.linkageId(), now);
    if (replica.isEmpty()) {
      return new Prepared(tenant, request, localId.get(), ProvisionOutcome.NO_RECORD, null, now);
    }
    ReplicaRecord r = replica.get();
    List<Violation> violations = layouts.validate(r.item(), r.edition(), r.document());
    if (!violations.isEmpty()) {
      // the layout changed under a stored record: provide nothing rather than data nobody can trust
      log.warn("{}: replica of {} (edition {}) for linkage {} breaks its layout: {}", agency,
          request.item(), r.edition(), request.linkageId(),
          violations.stream().map(v -> v.fieldPath() + " " + v.rule()).toList());
      return new Prepared(tenant, request, localId.get(), ProvisionOutcome.RECORD_INVALID, null, now);
    }
    byte[] plain = Json.write(new AnswerDocument(r.item(), r.edition(), r.registeredAt(),
        r.masterChangedAt(), r.document())).getBytes(StandardCharsets.UTF_8);
    return new Prepared(tenant, request, localId.get(), ProvisionOutcome.PROVIDED, plain, now);
  }

  /** Signs and encrypts a PROVIDED answer; touches no database, so it may run on any thread. */
  String seal(Prepared p) {
    return Base64.getEncoder().encodeToString(protector.seal(p.plain(), p.tenant().credentials(),
        directory.encryptionCertificate(p.request().querier())));
  }

  /** Records the provision and queues the answer, in the transaction of {@link #prepare}. */
  void finish(Connection c, Prepared p, String sealed) throws Exception {
    String agency = p.tenant().agency();
    ProvisionRequest request = p.request();
    ProvisionRecords.record(c, new ProvisionRecord(agency, request.linkageId(), "PROVIDER",
        request.querier(), request.procedure(), request.item(), p.localId(), p.outcome().name(), p.now()));
    Envelope answer = codec.envelope(Envelope.agencySource(agency), MessageType.PROVISION_ANSWERED,
        request.linkageId(), new ProvisionAnswer(request.linkageId(), p.outcome(), sealed));
    outbox.add(c, TopicLayout.toHub(agency), request.linkageId(), answer);
  }
}
