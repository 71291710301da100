package jp.linkage.hub.core.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.linkage.hub.core.api.ReplicaAlertReportedEvent;
import jp.linkage.hub.core.api.ReportReplicaAlertCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** One agency's replica alert as reported to the hub: recorded once, whatever is redelivered. */
public class ReportedReplicaAlert {
  @AggregateIdentifier private String reportId;

  protected ReportedReplicaAlert() {
    // for Axon
  }

  /** The aggregate id of alert {@code alertId} of {@code agency}. */
  public static String idOf(String agency, long alertId) {
    return "replica-alert:" + agency + ":" + alertId;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(ReportReplicaAlertCommand c) {
    if (reportId != null) {
      return; // the same report again
    }
    apply(
        new ReplicaAlertReportedEvent(
            c.agency(),
            c.alertId(),
            c.kind(),
            c.item(),
            c.masterChangedAt(),
            c.deadline(),
            c.linkageId(),
            c.detail(),
            c.raisedAt(),
            c.reportedAt()));
  }

  @EventSourcingHandler
  void on(ReplicaAlertReportedEvent e) {
    reportId = idOf(e.agency(), e.alertId());
  }
}
