package jp.linkage.hub.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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

  void answer(Connection c, Tenant tenant, ProvisionRequest request, Instant now) throws Exception {
    String agency = tenant.agency();
    Optional<String> localId = PersonLinks.localIdOf(c, agency, request.symbol());
    ProvisionOutcome outcome = ProvisionOutcome.UNKNOWN_PERSON;
    String sealed = null;
    if (localId.isPresent()) {
      Optional<ReplicaRecord> replica =
          ReplicaStore.read(c, agency, request.item(), localId.get(), request.linkageId(), now);
      List<Violation> violations = replica.map(r -> layouts.validate(r.item(), r.edition(), r.document()))
          .orElse(List.of());
      if (!violations.isEmpty()) {
        // the layout changed under a stored record: provide nothing rather than data nobody can trust
        log.warn("{}: replica of {} (edition {}) for linkage {} breaks its layout: {}", agency,
            request.item(), replica.get().edition(), request.linkageId(),
            violations.stream().map(v -> v.fieldPath() + " " + v.rule()).toList());
        outcome = ProvisionOutcome.RECORD_INVALID;
      } else if (replica.isPresent()) {
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
