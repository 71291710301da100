package jp.linkage.hub.core.symbolissue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.linkage.hub.core.api.IssueSymbolCommand;
import jp.linkage.hub.core.api.SymbolIssuedEvent;
import jp.linkage.hub.core.symbol.AgencySymbol;
import jp.linkage.hub.core.symbol.SymbolService;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One symbol issuance (符号の生成). An aggregate only so that a redelivered request has no second
 * effect: the symbol is a pure function of the keys and the person point, and no table maps symbols
 * to persons. The event keeps the symbol, never the point.
 */
public class SymbolIssuance {
  @AggregateIdentifier private String issuanceId;

  protected SymbolIssuance() {
    // for Axon
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(IssueSymbolCommand command, SymbolService symbols) {
    if (issuanceId != null) {
      return; // redelivered request
    }
    AgencySymbol symbol = symbols.issue(command.agency(), command.personPoint());
    apply(
        new SymbolIssuedEvent(
            command.issuanceId(),
            command.agency(),
            command.requestRef(),
            symbol.encoded(),
            symbol.version(),
            command.requestedAt()));
  }

  @EventSourcingHandler
  void on(SymbolIssuedEvent event) {
    issuanceId = event.issuanceId();
  }
}
