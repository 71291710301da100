package jp.linkage.hub.iface.backoffice.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * Message types of the back-office link (業務システム ↔ 中間サーバー) on {@code bo.<agency>.to-server} and
 * {@code bo.<agency>.from-server}. Kept apart from the hub's {@link
 * jp.linkage.hub.iface.MessageType}: these carry the agency's plaintext replica data and never
 * reach the hub's topics.
 */
public enum BackOfficeMessageType {
  /** Back-office → server: a master change to register in the replica (副本登録). */
  MASTER_CHANGED("jp.ipn.replica.master-changed", true, MasterChanged.class),
  /** Back-office → server: the master changed, the replica update follows (異動通知). */
  CHANGE_NOTICED("jp.ipn.replica.change-noticed", true, ChangeNoticed.class),
  /** Back-office → server: a query (情報照会); the envelope id becomes the linkage id. */
  QUERY_REQUESTED("jp.ipn.backoffice.query-requested", true, BackOfficeQuery.class),
  /**
   * Server → back-office: what the registration did (APPLIED, UNCHANGED, SUPERSEDED), deadline,
   * late.
   */
  REPLICA_REGISTERED("jp.ipn.replica.registered", false, ReplicaRegistered.class),
  /** Server → back-office: the change notice was recorded (PENDING) or was already registered. */
  NOTICE_RECEIVED("jp.ipn.replica.notice-received", false, NoticeReceived.class),
  /** Server → back-office: a query's final state, with the opened answer and its freshness. */
  QUERY_COMPLETED("jp.ipn.backoffice.query-completed", false, QueryCompleted.class),
  /** Server → back-office: a replica alert (OVERDUE, LATE_REGISTRATION, MANUAL_HANDLING). */
  REPLICA_ALERT("jp.ipn.replica.alert", false, ReplicaAlertRaised.class),
  /** Server → back-office: the message was not accepted, with field and rule (every violation). */
  MESSAGE_REJECTED("jp.ipn.message.rejected", false, BackOfficeRejection.class);

  /** The {@code source} of every message the intermediate server sends to a back-office. */
  public static final String SERVER_SOURCE = "/intermediate-server";

  private final String wireName;
  private final boolean toServer;
  private final Class<? extends Record> payload;

  BackOfficeMessageType(String wireName, boolean toServer, Class<? extends Record> payload) {
    this.wireName = wireName;
    this.toServer = toServer;
    this.payload = payload;
  }

  public String wireName() {
    return wireName;
  }

  /** True for what a back-office sends ({@code to-server}), false for what it receives. */
  public boolean toServer() {
    return toServer;
  }

  /** The record in {@code data}. */
  public Class<? extends Record> payload() {
    return payload;
  }

  public static Optional<BackOfficeMessageType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
