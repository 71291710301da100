package jp.linkage.hub.audit.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import jp.linkage.hub.audit.replay.Verdict.Kind;
import jp.linkage.hub.core.api.AgencyRegisteredEvent;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.LinkageAuthorisedEvent;
import jp.linkage.hub.core.api.LinkageDeniedEvent;
import jp.linkage.hub.core.api.PermissionTableVersionPublishedEvent;
import jp.linkage.hub.core.permission.AuthorisationDecision;
import jp.linkage.hub.core.permission.DenialReason;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;

/**
 * Re-judges every recorded authorisation from the event log alone (invariant 3). Reads the log in
 * order: table editions and agency types are known from the point they were logged, exactly as the
 * core knew them when it judged; each recorded decision is judged again against the edition in
 * force at its {@code requestedAt} and compared by outcome, edition, row and reason.
 */
public final class Rejudger {
  private final Map<String, PermissionTableVersion> versions = new LinkedHashMap<>();
  private final Map<String, String> digests = new LinkedHashMap<>();
  private final Map<String, AgencyType> agencies = new LinkedHashMap<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private PermissionTable table = new PermissionTable(List.of());

  /** Re-judges the event store of the core in {@code source}, read only. */
  public static RejudgeReport rejudge(DataSource source) {
    Rejudger rejudger = new Rejudger();
    EventLog.forEach(source, event -> rejudger.accept(event.getPayload()));
    return rejudger.report();
  }

  /** Takes the next event payload of the log; other event types are ignored. */
  public void accept(Object payload) {
    if (payload instanceof PermissionTableVersionPublishedEvent e) {
      versions.put(e.version(), new PermissionTableVersion(e.version(), e.validFrom(), e.rows()));
      digests.put(e.version(), e.sourceSha256() == null ? "-" : e.sourceSha256());
      table = new PermissionTable(List.copyOf(versions.values()));
    } else if (payload instanceof AgencyRegisteredEvent e) {
      agencies.put(e.code(), e.type());
    } else if (payload instanceof LinkageAuthorisedEvent e) {
      String recorded = allowed(e.tableVersion(), e.rowId());
      verdicts.add(
          compare(
              e.linkageId(),
              recorded,
              judge(e.querier(), e.procedure(), e.provider(), e.item(), e.requestedAt())));
    } else if (payload instanceof LinkageDeniedEvent e) {
      String recorded = denied(e.reason(), e.tableVersion());
      if (!isTableReason(e.reason())) {
        verdicts.add(
            new Verdict(
                e.linkageId(),
                Kind.NOT_TABLE_DECISION,
                recorded,
                "not a permission table decision (" + e.reason() + ")"));
      } else {
        verdicts.add(
            compare(
                e.linkageId(),
                recorded,
                judge(e.querier(), e.procedure(), e.provider(), e.item(), e.requestedAt())));
      }
    }
  }

  public RejudgeReport report() {
    return new RejudgeReport(digests, agencies, verdicts);
  }

  private String judge(String querier, String procedure, String provider, String item, Instant at) {
    AgencyType querierType = agencies.get(querier);
    AgencyType providerType = agencies.get(provider);
    if (querierType == null || providerType == null) {
      return "UNKNOWN agency "
          + (querierType == null ? querier : provider)
          + " (not registered in the event log)";
    }
    AuthorisationDecision d = table.authorise(querierType, procedure, providerType, item, at);
    return d.allowed()
        ? allowed(d.tableVersion(), d.rowId())
        : denied(d.reason().name(), d.tableVersion());
  }

  private static Verdict compare(String linkageId, String recorded, String rejudged) {
    return new Verdict(
        linkageId,
        Objects.equals(recorded, rejudged) ? Kind.AGREES : Kind.DISAGREES,
        recorded,
        rejudged);
  }

  private static String allowed(String version, String rowId) {
    return "ALLOWED " + version + " " + rowId;
  }

  private static String denied(String reason, String version) {
    return "DENIED " + reason + " " + (version == null ? "-" : version);
  }

  /** SYMBOL_* and UNKNOWN_* denials come from the agency registry or symbol conversion. */
  private static boolean isTableReason(String reason) {
    for (DenialReason r : DenialReason.values()) {
      if (r.name().equals(reason)) {
        return true;
      }
    }
    return false;
  }
}
