package jp.linkage.hub.server.backoffice;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import jp.linkage.hub.iface.Envelope;
import jp.linkage.hub.iface.EnvelopeCodec;
import jp.linkage.hub.iface.MalformedMessageException;
import jp.linkage.hub.iface.backoffice.message.BackOfficeMessageType;
import jp.linkage.hub.iface.backoffice.message.BackOfficeQuery;
import jp.linkage.hub.iface.backoffice.message.BackOfficeRejection;
import jp.linkage.hub.iface.backoffice.message.ChangeNoticed;
import jp.linkage.hub.iface.backoffice.message.MasterChanged;
import jp.linkage.hub.iface.backoffice.message.NoticeReceived;
import jp.linkage.hub.iface.backoffice.message.ReplicaRegistered;
import jp.linkage.hub.layout.api.ItemRef;
import jp.linkage.hub.server.api.ChangeNotice;
import jp.linkage.hub.server.api.NoticeReceipt;
import jp.linkage.hub.server.api.Query;
import jp.linkage.hub.server.api.Registration;
import jp.linkage.hub.server.api.ReplicaRejectedException;
import jp.linkage.hub.server.api.ReplicaUpdate;
import jp.linkage.hub.server.api.UnknownPersonException;
import jp.linkage.hub.server.query.Queries;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one back-office message and applies it in the caller's transaction: registration (副本登録),
 * change notice (異動通知) or query (情報照会), each with its reply; or the rejection naming field and
 * rule.
 */
final class BackOfficeRequests {
  /** A decoded message, or why it cannot be read; {@code inboxKey} deduplicates redeliveries. */
  record Parsed(
      String inboxKey,
      Envelope envelope,
      BackOfficeMessageType type,
      Record payload,
      BackOfficeRejection rejection) {}

  private final BackOfficeParts parts;
  private final EnvelopeCodec codec;
  private final BackOfficeReplies replies;

  BackOfficeRequests(BackOfficeParts parts, BackOfficeReplies replies) {
    this.parts = parts;
    this.codec = parts.codec();
    this.replies = replies;
  }

  Parsed parse(String agency, ConsumerRecord<String, byte[]> record) {
    Envelope e;
    try {
      e = codec.decode(record.value(), t -> BackOfficeMessageType.fromWireName(t).isPresent());
    } catch (MalformedMessageException bad) {
      String[] idAndType = idAndType(record.value());
      String key =
          idAndType[0] != null
              ? "bo:" + idAndType[0]
              // no id to deduplicate on: the record's position stands in for it
              : "bo@" + record.topic() + "/" + record.partition() + "/" + record.offset();
      return new Parsed(
          key,
          null,
          null,
          null,
          new BackOfficeRejection(
              idAndType[0], idAndType[1], bad.field(), bad.rule(), bad.getMessage(), null));
    }
    String key = "bo:" + e.id();
    BackOfficeMessageType type = BackOfficeMessageType.fromWireName(e.type()).orElseThrow();
    if (!type.toServer()) {
      return rejected(
          key, e, "type", "sent-by-back-office", e.type() + " is sent by the server, not to it");
    }
    if (!Envelope.agencySource(agency).equals(e.source())) {
      return rejected(
          key,
          e,
          "source",
          "topic-agency",
          "source must be " + Envelope.agencySource(agency) + " on this topic, was " + e.source());
    }
    try {
      return new Parsed(key, e, type, codec.payload(e, type.payload()), null);
    } catch (MalformedMessageException bad) {
      return rejected(key, e, bad.field(), bad.rule(), bad.getMessage());
    }
  }

  /**
   * The id and type of an envelope that failed its checks, if it is JSON with them, so the reply
   * can name it.
   */
  private String[] idAndType(byte[] value) {
    try {
      com.fasterxml.jackson.databind.JsonNode tree = codec.mapper().readTree(value);
      if (tree != null && tree.path("id").isTextual() && !tree.path("id").asText().isBlank()) {
        return new String[] {
          tree.get("id").asText(), tree.path("type").isTextual() ? tree.get("type").asText() : null
        };
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: nothing to name it by
    }
    return new String[] {null, null};
  }

  private static Parsed rejected(
      String key, Envelope e, String field, String rule, String message) {
    return new Parsed(
        key, e, null, null, new BackOfficeRejection(e.id(), e.type(), field, rule, message, null));
  }

  /** Applies the message; true when a replica registration was applied (held answers may go). */
  boolean apply(Connection c, String agency, Parsed p) throws SQLException {
    String replyTo =
        p.envelope() != null
            ? p.envelope().id()
            : p.rejection().rejectedMessageId() != null
                ? p.rejection().rejectedMessageId()
                : p.inboxKey();
    if (p.rejection() != null) {
      replies.reject(c, agency, replyTo, p.rejection());
      return false;
    }
    try {
      switch (p.type()) {
        case MASTER_CHANGED -> {
          MasterChanged m = (MasterChanged) p.payload();
          Registration r =
              parts
                  .registrar()
                  .registerIn(
                      c,
                      new ReplicaUpdate(
                          agency,
                          new ItemRef(m.item(), m.edition()),
                          m.localId(),
                          m.data(),
                          m.masterChangedAt()));
          replies.reply(
              c,
              agency,
              BackOfficeMessageType.REPLICA_REGISTERED,
              replyTo,
              m.localId(),
              new ReplicaRegistered(
                  m.item(),
                  m.localId(),
                  m.edition(),
                  m.masterChangedAt(),
                  r.status().name(),
                  r.registeredAt(),
                  r.deadline(),
                  r.late()));
          return r.status() == Registration.Status.APPLIED;
        }
        case CHANGE_NOTICED -> {
          ChangeNoticed n = (ChangeNoticed) p.payload();
          NoticeReceipt r =
              parts
                  .registrar()
                  .noticeIn(
                      c, new ChangeNotice(agency, n.item(), n.localId(), n.masterChangedAt()));
          replies.reply(
              c,
              agency,
              BackOfficeMessageType.NOTICE_RECEIVED,
              replyTo,
              n.localId(),
              new NoticeReceived(
                  n.item(),
                  n.localId(),
                  n.masterChangedAt(),
                  r.noticedAt(),
                  r.deadline(),
                  r.status().name()));
          return false;
        }
        case QUERY_REQUESTED -> {
          BackOfficeQuery q = (BackOfficeQuery) p.payload();
          String linkageId = p.envelope().id();
          if (Queries.exists(
              c, linkageId)) { // linkage ids are global: another sender's id must not clash
            replies.reject(
                c,
                agency,
                replyTo,
                new BackOfficeRejection(
                    linkageId,
                    p.envelope().type(),
                    "id",
                    "unique-linkage-id",
                    "a query with linkage id " + linkageId + " exists already; use a fresh id",
                    null));
            return false;
          }
          parts
              .queries()
              .start(
                  c,
                  agency,
                  linkageId,
                  new Query(
                      q.localId(),
                      q.procedure(),
                      q.provider(),
                      new ItemRef(q.item(), q.edition())));
          BackOfficeReplies.remember(c, agency, linkageId);
          return false;
        }
        default -> throw new IllegalStateException("not a to-server type: " + p.type());
      }
    } catch (ReplicaRejectedException e) {
      replies.reject(c, agency, replyTo, rejection(p, e));
    } catch (UnknownPersonException e) {
      replies.reject(
          c,
          agency,
          replyTo,
          new BackOfficeRejection(
              p.envelope().id(),
              p.envelope().type(),
              "data.localId",
              "known-person",
              e.getMessage(),
              null));
    }
    return false;
  }

  /** Every problem, with the layout's JSON Pointers below {@code data.data}. */
  private static BackOfficeRejection rejection(Parsed p, ReplicaRejectedException e) {
    List<BackOfficeRejection.Problem> problems =
        e.problems().stream()
            .map(x -> new BackOfficeRejection.Problem(fieldOf(x), x.rule(), x.message()))
            .toList();
    BackOfficeRejection.Problem first = problems.get(0);
    return new BackOfficeRejection(
        p.envelope().id(),
        p.envelope().type(),
        first.field(),
        first.rule(),
        e.problems().size() == 1
            ? first.message()
            : problems.size() + " problems, first: " + first.message(),
        problems);
  }

  private static String fieldOf(ReplicaRejectedException.Problem problem) {
    String field = problem.field();
    if (field.isEmpty()) { // the layout refused the whole document: say which part of the message
      return switch (problem.rule()) {
        case "UNKNOWN_ITEM" -> "data.item";
        case "UNKNOWN_EDITION" -> "data.edition";
        default -> "data.data";
      };
    }
    return field.startsWith("/") ? "data.data" + field.replace('/', '.') : "data." + field;
  }
}
