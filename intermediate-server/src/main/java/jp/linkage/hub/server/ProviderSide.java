package jp.linkage.hub.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
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

/**
 * The provider's automatic answer (自動応答): map the symbol to the local id, read the replica,
 * seal the answer for the querier, record the provision, and queue the answer, in one transaction.
 */
final class ProviderSide {
  private final EnvelopeCodec codec;
  private final PayloadProtector protector;
  private final CertificateDirectory directory;
  private final Outbox outbox;

  ProviderSide(EnvelopeCodec codec, PayloadProtector protector, CertificateDirectory directory, Outbox outbox) {
    this.codec = codec;
    this.protector = protector;
    this.directory = directory;
    this.outbox = outbox;
  }

  /** Answers in the caller's transaction, access-log entry included. */
  void answer(Connection c, Tenant tenant, ProvisionRequest request, Instant now) throws Exception {
    ChainAppender accessLog = ServerSchema.ACCESS_LOG.appender(c);
    answer(c, accessLog, tenant, request, now);
    accessLog.flush();
  }

  /** @param accessLog the transaction's access-log appender; flushed by the caller before commit */
  void answer(Connection c, ChainAppender accessLog, Tenant tenant, ProvisionRequest request, Instant now)
      throws Exception {
    String agency = tenant.agency();
    Optional<String> localId = PersonLinks.localIdOf(c, agency, request.symbol());
    ProvisionOutcome outcome = ProvisionOutcome.UNKNOWN_PERSON;
    String sealed = null;
    if (localId.isPresent()) {
      Optional<ReplicaRecord> replica =
          ReplicaStore.read(c, accessLog, agency, request.item(), localId.get(), request.linkageId(), now);
      if (replica.isPresent()) {
        ReplicaRecord r = replica.get();
        byte[] plain = Json.write(new AnswerDocument(r.item(), r.edition(), r.registeredAt(),
            r.masterChangedAt(), r.document())).getBytes(StandardCharsets.UTF_8);
        sealed = Base64.getEncoder().encodeToString(
            protector.seal(plain, tenant.credentials(), directory.encryptionCertificate(request.querier())));
        outcome = ProvisionOutcome.PROVIDED;
      } else {
        outcome = ProvisionOutcome.NO_RECORD;
      }
    }
    ProvisionRecords.record(c, new ProvisionRecord(agency, request.linkageId(), "PROVIDER",
        request.querier(), request.procedure(), request.item(), localId.orElse(null), outcome.name(), now));
    Envelope answer = codec.envelope(Envelope.agencySource(agency), MessageType.PROVISION_ANSWERED,
        request.linkageId(), new ProvisionAnswer(request.linkageId(), outcome, sealed));
    outbox.add(c, TopicLayout.toHub(agency), request.linkageId(), answer);
  }
}
