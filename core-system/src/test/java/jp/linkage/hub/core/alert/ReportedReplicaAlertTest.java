package jp.linkage.hub.core.alert;

import java.time.Instant;
import jp.linkage.hub.core.api.ReplicaAlertReportedEvent;
import jp.linkage.hub.core.api.ReportReplicaAlertCommand;
import jp.linkage.hub.iface.message.ReplicaAlertKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportedReplicaAlertTest {
  private static final String INSURER = "hi-kenpo-06130001";
  private static final Instant CHANGED = Instant.parse("2026-11-20T01:00:00Z");
  private static final Instant DEADLINE = Instant.parse("2026-11-23T23:30:00Z");
  private static final Instant RAISED = Instant.parse("2026-11-24T00:00:01Z");
  private static final Instant REPORTED = Instant.parse("2026-11-24T00:00:02Z");

  private AggregateTestFixture<ReportedReplicaAlert> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ReportedReplicaAlert.class);
  }

  private static ReportReplicaAlertCommand report(Instant reportedAt) {
    return new ReportReplicaAlertCommand(
        ReportedReplicaAlert.idOf(INSURER, 7),
        INSURER,
        7,
        ReplicaAlertKind.OVERDUE,
        "medical-insurance-eligibility",
        CHANGED,
        DEADLINE,
        null,
        "not registered by its deadline",
        RAISED,
        reportedAt);
  }

  private static ReplicaAlertReportedEvent reported() {
    return new ReplicaAlertReportedEvent(
        INSURER,
        7,
        ReplicaAlertKind.OVERDUE,
        "medical-insurance-eligibility",
        CHANGED,
        DEADLINE,
        null,
        "not registered by its deadline",
        RAISED,
        REPORTED);
  }

  @Test
  void aFirstReportIsRecorded() {
    fixture
        .givenNoPriorActivity()
        .when(report(REPORTED))
        .expectSuccessfulHandlerExecution()
        .expectEvents(reported());
  }

  @Test
  void theSameReportAgainChangesNothing() {
    fixture
        .given(reported())
        .when(report(REPORTED.plusSeconds(60)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void theIdNamesTheAgencyAndTheAlert() {
    org.junit.jupiter.api.Assertions.assertEquals(
        "replica-alert:hi-kenpo-06130001:7", ReportedReplicaAlert.idOf(INSURER, 7));
  }
}
