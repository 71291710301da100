package jp.linkage.hub.core.reference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.linkage.hub.core.api.AgencyRegisteredEvent;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.RegisterAgencyCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One agency's entry in the event log: registered once, and again only when its type or names
 * change, so the log says which type each agency had at every point.
 */
public class AgencyRegistration {
  @AggregateIdentifier private String registrationId;
  private AgencyType type;
  private String nameJa;
  private String nameEn;

  protected AgencyRegistration() {
    // for Axon
  }

  /** The aggregate id of agency {@code code}. */
  public static String idOf(String code) {
    return "agency:" + code;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterAgencyCommand c) {
    if (registrationId != null
        && type == c.type()
        && nameJa.equals(c.nameJa())
        && nameEn.equals(c.nameEn())) {
      return; // unchanged since the last start
    }
    apply(new AgencyRegisteredEvent(c.code(), c.type(), c.nameJa(), c.nameEn(), c.registeredAt()));
  }

  @EventSourcingHandler
  void on(AgencyRegisteredEvent event) {
    registrationId = idOf(event.code());
    type = event.type();
    nameJa = event.nameJa();
    nameEn = event.nameEn();
  }
}
