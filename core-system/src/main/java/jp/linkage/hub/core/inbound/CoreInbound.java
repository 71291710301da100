package jp.linkage.hub.core.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.alert.ReportedReplicaAlert;
import jp.linkage.hub.core.api.IssueSymbolCommand;
import jp.linkage.hub.core.api.LinkageRejectedException;
import jp.linkage.hub.core.api.RecordAnswerCommand;
import jp.linkage.hub.core.api.ReportReplicaAlertCommand;
import jp.linkage.hub.core.api.RequestLinkageCommand;
import jp.linkage.hub.core.symbol.SymbolRejectedException;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.message.ProvisionAnswer;
import jp.linkage.hub.iface.message.QueryRequest;
import jp.linkage.hub.iface.message.ReplicaAlertReport;
import jp.linkage.hub.iface.message.SymbolIssueRequest;
import jp.linkage.hub.iface.routing.HubInbound;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Turns accepted messages into core commands and events; every call is durable on return. */
public final class CoreInbound implements HubInbound {

  private final CommandGateway commands;
  private final AgencyDirectory agencies;
  private final Clock clock;
  private final TransactionManager transactions;
  private final Runnable committed;
  private final QueryValidation queries;

  /** Each command commits on its own; queries are not checked against the layouts. */
  public CoreInbound(CommandGateway commands, AgencyDirectory agencies, Clock clock) {
    this(commands, agencies, clock, null, () -> {}, null);
  }

  /**
   * @param transactions the transaction manager the command handlers' units of work join (the
   *     core's {@code ThreadBoundTransactionManager}), so a batch's commands commit together
   * @param committed run after a batch committed: the commands' own after-commit notices (which
   *     wake the tracking processors) ran before the batch was visible, so they must be repeated
   * @param queries checks each query against the layouts before authorisation; null for none
   */
  public CoreInbound(
      CommandGateway commands,
      AgencyDirectory agencies,
      Clock clock,
      TransactionManager transactions,
      Runnable committed,
      QueryValidation queries) {
    this.queries = queries;
    this.committed = committed;
    this.commands = commands;
    this.agencies = agencies;
    this.clock = clock;
    this.transactions = transactions;
  }

  /**
   * The commands of a batch join one database transaction: one commit (one fsync) per batch instead
   * of one per command. A command that is rejected rolls back only its own unit of work, which has
   * appended nothing yet, so the batch's other commands are unaffected.
   */
  @Override
  public void inOneTransaction(BatchWork work) {
    if (transactions == null) {
      work.run();
      return;
    }
    Transaction tx = transactions.startTransaction();
    try {
      work.run();
    } catch (Exception | Error e) {
      tx.rollback();
      throw e;
    }
    tx.commit();
    committed.run();
  }

  @Override
  public void symbolIssueRequested(Envelope envelope, SymbolIssueRequest request)
      throws MalformedMessageException {
    if (agencies.find(request.agency()).isEmpty()) {
      throw new MalformedMessageException(
          "data.agency", "registered-agency", "agency " + request.agency() + " is not registered");
    }
    byte[] point;
    try {
      point = Base64.getUrlDecoder().decode(request.personPoint());
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException(
          "data.personPoint", "base64url", "personPoint is not base64url");
    }
    try {
      commands.sendAndWait(
          new IssueSymbolCommand(
              request.agency() + ":" + request.requestRef(),
              request.agency(),
              request.requestRef(),
              point,
              clock.instant()));
    } catch (SymbolRejectedException e) {
      throw new MalformedMessageException("data.personPoint", "curve-point", e.getMessage());
    }
  }

  /**
   * Authorised at the hub's time of receipt, never the sender's clock, so nobody can pick a table.
   */
  @Override
  public void queryRequested(String querier, Envelope envelope, QueryRequest request)
      throws MalformedMessageException {
    Instant receivedAt = clock.instant();
    if (queries != null) {
      queries.check(querier, request, receivedAt);
    }
    send(
        new RequestLinkageCommand(
            envelope.id(),
            querier,
            request.procedure(),
            request.provider(),
            request.item(),
            request.symbol(),
            request.layoutEdition(),
            receivedAt));
  }

  @Override
  public void provisionAnswered(String provider, Envelope envelope, ProvisionAnswer answer)
      throws MalformedMessageException {
    try {
      send(
          new RecordAnswerCommand(
              answer.linkageId(),
              provider,
              answer.outcome(),
              answer.sealedPayload(),
              envelope.time()));
    } catch (AggregateNotFoundException e) {
      throw new MalformedMessageException(
          "data.linkageId",
          "known-linkage",
          "no linkage " + answer.linkageId() + " awaits an answer");
    }
  }

  /**
   * Recorded at the hub's time of receipt; the report names no person, and an alert id the agency
   * reports again is recorded once.
   */
  @Override
  public void replicaAlertReported(String agency, Envelope envelope, ReplicaAlertReport report)
      throws MalformedMessageException {
    if (report.alertId() < 1) {
      throw new MalformedMessageException(
          "data.alertId", "positive", "alertId must be positive, was " + report.alertId());
    }
    if (report.detail().length() > ReplicaAlertReport.MAX_DETAIL) {
      throw new MalformedMessageException(
          "data.detail",
          "max-length",
          "detail must be at most "
              + ReplicaAlertReport.MAX_DETAIL
              + " characters, was "
              + report.detail().length());
    }
    send(
        new ReportReplicaAlertCommand(
            ReportedReplicaAlert.idOf(agency, report.alertId()),
            agency,
            report.alertId(),
            report.kind(),
            report.item(),
            report.masterChangedAt(),
            report.deadline(),
            report.linkageId(),
            report.detail(),
            report.raisedAt(),
            clock.instant()));
  }

  private void send(Object command) throws MalformedMessageException {
    try {
      commands.sendAndWait(command);
    } catch (LinkageRejectedException e) {
      throw new MalformedMessageException(e.field(), e.rule(), e.getMessage());
    }
  }
}
