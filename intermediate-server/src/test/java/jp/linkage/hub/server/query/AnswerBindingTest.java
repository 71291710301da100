package jp.linkage.hub.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import jp.linkage.hub.iface.crypto.CertificateDirectory;
import jp.linkage.hub.iface.crypto.DevCertificateAuthority;
import jp.linkage.hub.iface.crypto.PayloadProtector;
import jp.linkage.hub.iface.message.AnswerDelivery;
import jp.linkage.hub.iface.message.ProvisionOutcome;
import jp.linkage.hub.server.api.AnswerDocument;
import jp.linkage.hub.server.support.Json;
import jp.linkage.hub.server.tenant.Tenant;
import org.junit.jupiter.api.Test;

/**
 * The provider's signature covers the linkage and the querier the answer is for, so a validly
 * signed answer re-encrypted to another agency, or replayed into another linkage, is refused.
 */
class AnswerBindingTest {
  private static final String PROVIDER = "muni-131016";
  private static final DevCertificateAuthority CA = DevCertificateAuthority.create();
  private static final Tenant MUNI = new Tenant(PROVIDER, CA.issue(PROVIDER));
  private static final Tenant NENKIN = new Tenant("nenkin", CA.issue("nenkin"));
  private static final Tenant OSAKA = new Tenant("muni-271004", CA.issue("muni-271004"));
  private static final CertificateDirectory DIRECTORY = CA.newDirectory();
  private static final PayloadProtector PROTECTOR = new PayloadProtector();

  static {
    for (Tenant t : new Tenant[] {MUNI, NENKIN, OSAKA}) {
      DIRECTORY.register(t.credentials().certificates());
    }
  }

  /**
   * What the provider signs for {@code querier} and linkage {@code signedFor}, encrypted for {@code
   * to}.
   */
  private static AnswerDelivery delivery(
      String signedFor, String querier, Tenant to, String deliveredAs) {
    AnswerDocument doc =
        new AnswerDocument(
            signedFor,
            querier,
            "local-tax-info",
            "2026-04",
            Instant.now(),
            Instant.now(),
            new AnswerDocument.Freshness(AnswerDocument.Status.FRESH, null, null),
            JsonNodeFactory.instance.objectNode().put("taxYear", 2026));
    byte[] sealed =
        PROTECTOR.seal(
            Json.write(doc).getBytes(StandardCharsets.UTF_8),
            MUNI.credentials(),
            DIRECTORY.encryptionCertificate(to.agency()));
    return new AnswerDelivery(
        deliveredAs,
        PROVIDER,
        "pension-benefit-eligibility",
        "local-tax-info",
        "sym",
        ProvisionOutcome.PROVIDED,
        Base64.getEncoder().encodeToString(sealed));
  }

  private final QuerierSide querier = new QuerierSide(PROTECTOR, DIRECTORY);

  @Test
  void anAnswerForThisLinkageAndQuerierOpens() {
    QuerierSide.Opening opening = querier.open(NENKIN, delivery("L-1", "nenkin", NENKIN, "L-1"));
    assertNull(opening.failure());
    assertEquals(2026, Json.read(opening.result()).at("/data/taxYear").asInt());
  }

  @Test
  void anAnswerReplayedIntoAnotherLinkageIsRefusedAndItsDataNotKept() {
    QuerierSide.Opening opening = querier.open(NENKIN, delivery("L-1", "nenkin", NENKIN, "L-2"));
    assertNull(opening.result());
    assertTrue(opening.failure().contains("signed for linkage L-1, not L-2"), opening.failure());
  }

  @Test
  void anAnswerSignedForAnotherQuerierAndReEncryptedToUsIsRefused() {
    QuerierSide.Opening opening = querier.open(OSAKA, delivery("L-3", "nenkin", OSAKA, "L-3"));
    assertNull(opening.result());
    assertTrue(
        opening.failure().contains("signed for querier nenkin, not muni-271004"),
        opening.failure());
  }
}
