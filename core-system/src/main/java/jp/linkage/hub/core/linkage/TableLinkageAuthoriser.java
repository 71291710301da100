package jp.linkage.hub.core.linkage;

import jp.linkage.hub.core.agency.Agency;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.api.RequestLinkageCommand;
import jp.linkage.hub.core.permission.AuthorisationDecision;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.symbol.AgencySymbol;
import jp.linkage.hub.core.symbol.SymbolRejectedException;
import jp.linkage.hub.core.symbol.SymbolService;

/**
 * Authorises against the permission table (別表第二) in force at the query's time, then converts the
 * querier's symbol into the provider's. Symbol conversion comes second so that a denied query never
 * produces a provider symbol.
 */
public final class TableLinkageAuthoriser implements LinkageAuthoriser {
  private final AgencyDirectory agencies;
  private final PermissionTable table;
  private final SymbolService symbols;

  public TableLinkageAuthoriser(
      AgencyDirectory agencies, PermissionTable table, SymbolService symbols) {
    this.agencies = agencies;
    this.table = table;
    this.symbols = symbols;
  }

  @Override
  public AuthorisationOutcome authorise(RequestLinkageCommand c) {
    Agency querier = agencies.find(c.querier()).orElse(null);
    if (querier == null) {
      return AuthorisationOutcome.denied(
          "UNKNOWN_QUERIER", "agency " + c.querier() + " is not registered", null);
    }
    Agency provider = agencies.find(c.provider()).orElse(null);
    if (provider == null) {
      return AuthorisationOutcome.denied(
          "UNKNOWN_PROVIDER", "provider " + c.provider() + " is not a registered agency", null);
    }
    AuthorisationDecision decision =
        table.authorise(querier.type(), c.procedure(), provider.type(), c.item(), c.requestedAt());
    if (!decision.allowed()) {
      return AuthorisationOutcome.denied(
          decision.reason().name(), decision.message(), decision.tableVersion());
    }
    try {
      AgencySymbol converted =
          symbols.convert(c.querier(), AgencySymbol.decode(c.querierSymbol()), c.provider());
      return AuthorisationOutcome.allowed(
          converted.encoded(), decision.tableVersion(), decision.rowId());
    } catch (SymbolRejectedException e) {
      return AuthorisationOutcome.denied(
          "SYMBOL_" + e.reason().name(),
          "the symbol presented by " + c.querier() + " was rejected: " + e.reason(),
          decision.tableVersion());
    }
  }
}
