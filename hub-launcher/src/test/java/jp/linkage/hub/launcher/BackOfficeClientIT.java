package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.CHIYODA;
import static jp.linkage.hub.launcher.DemoPeople.EDITION;
import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.backoffice.BackOfficeClient;
import jp.linkage.hub.iface.backoffice.BackOfficeListener;
import jp.linkage.hub.iface.backoffice.message.BackOfficeQuery;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.MasterChanged;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The JVM back-office client against the demo hub: each send gets its typed reply by correlation
 * id.
 */
class BackOfficeClientIT {
  private final Map<String, Object> replies = new ConcurrentHashMap<>();

  private final BackOfficeListener listener =
      new BackOfficeListener() {
        @Override
        public void registered(Envelope e, ReplicaRegistered m) {
          replies.put(e.correlationid(), m);
        }

        @Override
        public void noticeReceived(Envelope e, NoticeReceived m) {
          replies.put(e.correlationid(), m);
        }

        @Override
        public void queryCompleted(Envelope e, QueryCompleted m) {
          replies.put(e.correlationid(), m);
        }

        @Override
        public void rejected(Envelope e, BackOfficeRejection m) {
          replies.put(e.correlationid(), m);
        }
      };

  @Test
  void sendsAndHearsBackTyped() throws Exception {
    DemoRun.report();
    String bootstrap = DemoRun.hub().infra().kafkaBootstrapServers();
    try (BackOfficeClient kenpo =
        BackOfficeClient.connect(bootstrap, INSURER, "client-it-" + System.nanoTime(), listener)) {
      Instant changed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String change =
          kenpo.sendMasterChange(
              new MasterChanged(
                  "medical-insurance-eligibility",
                  "K800001",
                  EDITION,
                  changed,
                  DemoPeople.eligibility(1)));
      ReplicaRegistered ack = (ReplicaRegistered) await(change);
      assertEquals("APPLIED", ack.status());
      assertEquals(changed, ack.masterChangedAt());

      String notice =
          kenpo.noticeChange("medical-insurance-eligibility", "K800001", changed.minusSeconds(60));
      assertEquals("ALREADY_REGISTERED", ((NoticeReceived) await(notice)).status());

      String linkageId =
          kenpo.query(
              new BackOfficeQuery(
                  "K000000",
                  "health-insurance-benefit",
                  CHIYODA,
                  "resident-registry-info",
                  EDITION));
      QueryCompleted done = (QueryCompleted) await(linkageId);
      assertEquals("PROVIDED", done.outcome(), done.toString());
      assertEquals("resident-registry-info", done.answer().path("item").asText());

      String bad =
          kenpo.sendMasterChange(
              new MasterChanged(
                  "no-such-item", "K800001", EDITION, changed, DemoPeople.eligibility(1)));
      BackOfficeRejection rejection = (BackOfficeRejection) await(bad);
      assertEquals("data.item", rejection.field());
      assertEquals("UNKNOWN_ITEM", rejection.rule());
    }
  }

  private Object await(String id) {
    return Awaitility.await("the reply to " + id)
        .atMost(Duration.ofSeconds(60))
        .until(() -> replies.get(id), r -> r != null);
  }
}
