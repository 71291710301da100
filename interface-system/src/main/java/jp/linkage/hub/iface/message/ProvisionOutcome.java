package jp.linkage.hub.iface.message;

/** How a provider answered a provision request. */
public enum ProvisionOutcome {
  /** The replica held the item; the sealed payload carries it. */
  PROVIDED,
  /** The provider knows the person but holds no replica record of this item. */
  NO_RECORD,
  /** The symbol maps to no person at the provider. */
  UNKNOWN_PERSON,
  /**
   * The provider's replica record does not conform to its data standard layout (the layout changed
   * after the record was registered); nothing was provided and the provider logged the violations.
   */
  RECORD_INVALID,
  /**
   * The master changed (a change notice is pending) but the replica holds no record of the item
   * yet; nothing was provided. Ask again after the pending change's deadline.
   */
  NOT_YET_REGISTERED,
  /**
   * A change is pending and the provider's policy routes such queries to its staff (手動応答) instead
   * of answering automatically from a replica that may be stale; nothing was provided.
   */
  MANUAL_HANDLING
}
