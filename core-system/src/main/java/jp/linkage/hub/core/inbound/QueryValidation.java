package jp.linkage.hub.core.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.linkage.hub.core.agency.Agency;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.api.PermissionRow;
import jp.linkage.hub.core.permission.AuthorisationDecision;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.layout.Layout;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.LayoutField;
import jp.linkage.hub.layout.api.ItemRef;

/**
 * Checks a query against the data standard layouts before it reaches authorisation: the item must
 * have a layout, the edition the querier asks for must exist, and that edition must define every
 * field the permission row's procedure needs (case 4 at run time: a querier on an edition that
 * cannot carry what its procedure needs is told so, naming the fields, instead of getting answers
 * without them). Queries no row allows are left to the authoriser, whose denial is recorded.
 */
public final class QueryValidation {
  private final LayoutCatalog layouts;
  private final PermissionTable table;
  private final AgencyDirectory agencies;

  public QueryValidation(LayoutCatalog layouts, PermissionTable table, AgencyDirectory agencies) {
    this.layouts = layouts;
    this.table = table;
    this.agencies = agencies;
  }

  /**
   * @throws MalformedMessageException naming the payload field and the rule it breaks
   */
  public void check(String querier, QueryRequest q, Instant at) throws MalformedMessageException {
    if (!layouts.hasItem(q.item())) {
      throw new MalformedMessageException(
          "data.item", "UNKNOWN_ITEM", "no data standard layout defines item " + q.item());
    }
    Optional<Layout> edition = layouts.find(new ItemRef(q.item(), q.layoutEdition()));
    if (edition.isEmpty()) {
      throw new MalformedMessageException(
          "data.layoutEdition",
          "UNKNOWN_EDITION",
          "item "
              + q.item()
              + " has no layout edition "
              + q.layoutEdition()
              + "; editions: "
              + editions(q.item()));
    }
    Optional<Agency> from = agencies.find(querier);
    Optional<Agency> to = agencies.find(q.provider());
    if (from.isEmpty() || to.isEmpty() || table.findInForceAt(at).isEmpty()) {
      return; // the authoriser denies it, on the record
    }
    AuthorisationDecision decision =
        table.authorise(from.get().type(), q.procedure(), to.get().type(), q.item(), at);
    if (!decision.allowed()) {
      return;
    }
    PermissionRow row =
        table.version(decision.tableVersion()).flatMap(v -> v.row(decision.rowId())).orElseThrow();
    Set<String> defined =
        edition.get().fields().stream().map(LayoutField::code).collect(Collectors.toSet());
    List<String> missing = row.neededFields().stream().filter(f -> !defined.contains(f)).toList();
    if (!missing.isEmpty()) {
      throw new MalformedMessageException(
          "data.layoutEdition",
          "NEEDED_FIELDS_NOT_IN_EDITION",
          "row "
              + row.rowId()
              + " of table "
              + decision.tableVersion()
              + " needs "
              + String.join(", ", missing)
              + " of "
              + q.item()
              + ", which edition "
              + q.layoutEdition()
              + " does not define; editions: "
              + editions(q.item()));
    }
  }

  private String editions(String item) {
    return layouts.editions(item).stream().map(Layout::edition).collect(Collectors.joining(", "));
  }
}
