package jp.linkage.hub.server.backoffice;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.TopicLayout;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.QueryCompleted;
import jp.linkage.hub.iface.backoffice.message.ReplicaAlertRaised;
import jp.linkage.hub.server.api.QueryCompletion;
import jp.linkage.hub.server.api.QueryResult;
import jp.linkage.hub.server.api.ReplicaAlert;
import jp.linkage.hub.server.outbox.Outbox;
import jp.linkage.hub.server.query.Queries;
import jp.linkage.hub.server.records.Rejections;

/**
 * Queues the server's messages to a back-office ({@code bo.<agency>.from-server}) in the outbox, in
 * the caller's transaction. Envelope ids are derived from what they answer, so a reply is
 * recognisably the same message if the relay sends it twice.
 */
final class BackOfficeReplies {
  private final EnvelopeCodec codec;
  private final Outbox outbox;

  BackOfficeReplies(EnvelopeCodec codec, Outbox outbox) {
    this.codec = codec;
    this.outbox = outbox;
  }

  /**
   * A reply to the message {@code inReplyTo} (its envelope id, or record position when unreadable).
   */
  void reply(
      Connection c,
      String agency,
      BackOfficeMessageType type,
      String inReplyTo,
      String key,
      Record payload)
      throws SQLException {
    String id = derivedId(type.wireName() + "|" + agency + "|" + inReplyTo);
    Envelope envelope =
        codec.envelope(
            id, BackOfficeMessageType.SERVER_SOURCE, type.wireName(), inReplyTo, payload);
    outbox.add(c, TopicLayout.backOfficeFromServer(agency), key, envelope);
  }

  /**
   * Rejects a message: kept in is_rejection (one row per problem) and sent back with every problem.
   */
  void reject(Connection c, String agency, String inReplyTo, BackOfficeRejection rejection)
      throws SQLException {
    List<BackOfficeRejection.Problem> problems =
        rejection.problems() == null
            ? List.of(
                new BackOfficeRejection.Problem(
                    rejection.field(), rejection.rule(), rejection.message()))
            : rejection.problems();
    for (BackOfficeRejection.Problem p : problems) {
      Rejections.keep(
          c,
          agency,
          rejection.rejectedMessageId(),
          p.field(),
          p.rule(),
          "from the back-office: " + p.message());
    }
    reply(c, agency, BackOfficeMessageType.MESSAGE_REJECTED, inReplyTo, inReplyTo, rejection);
  }

  /** The query came over the link: its completion goes back to the back-office. */
  static void remember(Connection c, String agency, String linkageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO is_bo_query (agency, linkage_id) VALUES (?,?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, agency);
      ps.setString(2, linkageId);
      ps.executeUpdate();
    }
  }

  /**
   * Queues query-completed if the query came over the link; called in the completing transaction.
   */
  void completed(Connection c, QueryCompletion completion) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM is_bo_query WHERE agency = ? AND linkage_id = ?")) {
      ps.setString(1, completion.agency());
      ps.setString(2, completion.linkageId());
      if (ps.executeUpdate() == 0) {
        return; // a Java API query: its caller reads IntermediateServer.result
      }
    }
    QueryResult r =
        Queries.find(c, completion.agency(), completion.linkageId())
            .orElseThrow(
                () ->
                    new SQLException(
                        "completed query " + completion.linkageId() + " has no is_query row"));
    reply(
        c,
        completion.agency(),
        BackOfficeMessageType.QUERY_COMPLETED,
        r.linkageId(),
        r.localId(),
        new QueryCompleted(
            r.linkageId(),
            r.localId(),
            r.procedure(),
            r.provider(),
            r.item(),
            r.status(),
            r.outcome(),
            r.answer(),
            r.detail()));
  }

  void alert(Connection c, ReplicaAlert a) throws SQLException {
    reply(
        c,
        a.agency(),
        BackOfficeMessageType.REPLICA_ALERT,
        "alert-" + a.id(),
        a.localId(),
        new ReplicaAlertRaised(
            a.id(),
            a.kind(),
            a.item(),
            a.localId(),
            a.masterChangedAt(),
            a.deadline(),
            a.linkageId(),
            a.detail(),
            a.raisedAt()));
  }

  private static String derivedId(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
