package jp.linkage.hub.core.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.core.api.PermissionTableVersionPublishedEvent;
import jp.linkage.hub.core.api.PublishPermissionTableVersionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The publication of one permission table edition (別表第二の版) in the event log. An aggregate so that
 * every start of the core publishes each edition at most once, and so that an edition cannot
 * silently change after queries were judged against it.
 */
public class PermissionTablePublication {
  @AggregateIdentifier private String publicationId;
  private List<PermissionRow> rows;
  private String sourceSha256;

  protected PermissionTablePublication() {
    // for Axon
  }

  /** The aggregate id of edition {@code version}; distinct from linkage and symbol ids. */
  public static String idOf(String version) {
    return "permission-table:" + version;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(PublishPermissionTableVersionCommand command) {
    if (publicationId != null) {
      if (!rows.equals(command.rows()) || !Objects.equals(sourceSha256, command.sourceSha256())) {
        throw new PublishedTableChangedException(
            command.version(), sourceSha256, command.sourceSha256());
      }
      return; // already in the log, unchanged
    }
    apply(
        new PermissionTableVersionPublishedEvent(
            command.version(),
            command.validFrom(),
            command.rows(),
            command.sourceSha256(),
            command.publishedAt()));
  }

  @EventSourcingHandler
  void on(PermissionTableVersionPublishedEvent event) {
    publicationId = idOf(event.version());
    rows = List.copyOf(event.rows());
    sourceSha256 = event.sourceSha256();
  }
}
