package jp.linkage.hub.layout;

/**
 * The kinds of change between two editions of a layout (レイアウトの版の差分), each with its verdict for
 * providers (情報提供者, who write documents) and for queriers (情報照会者, who read them). These are the
 * compatibility rules of the module README, as data; the README table lists the same verdicts.
 *
 * <p>Providers: an edition change is compatible for them if every document valid under the older
 * edition is valid under the newer one (a provider that has not migrated is not rejected; Kafka's
 * BACKWARD). Queriers: compatible for them if every document valid under the newer edition is still
 * understood by a querier built for the older one, which ignores fields it does not know and reads
 * a code value it does not know as "other" (Kafka's FORWARD, with an Avro-style enum default).
 */
public enum ChangeKind {
  /** A new field that documents may omit; old queriers ignore it. */
  FIELD_ADDED_OPTIONAL(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** A new required field: old providers do not send it. */
  FIELD_ADDED_REQUIRED(Verdict.BREAKING, Verdict.COMPATIBLE),
  /**
   * An optional field dropped: old providers still send it (unknown field); old queriers already
   * cope without it.
   */
  FIELD_REMOVED_OPTIONAL(Verdict.BREAKING, Verdict.COMPATIBLE),
  /** A required field dropped: old providers still send it and old queriers rely on it. */
  FIELD_REMOVED_REQUIRED(Verdict.BREAKING, Verdict.BREAKING),
  /** The JSON type of a field changed. */
  TYPE_CHANGED(Verdict.BREAKING, Verdict.BREAKING),
  /** An optional field became required: old providers may omit it; queriers get it always. */
  BECAME_REQUIRED(Verdict.BREAKING, Verdict.COMPATIBLE),
  /** A required field became optional: old queriers rely on it being present. */
  BECAME_OPTIONAL(Verdict.COMPATIBLE, Verdict.BREAKING),
  /** {@code maxLength} raised or removed: old queriers may have to store longer values. */
  MAX_LENGTH_RAISED(Verdict.COMPATIBLE, Verdict.BREAKING),
  /** {@code maxLength} lowered or introduced: old providers may send longer values. */
  MAX_LENGTH_LOWERED(Verdict.BREAKING, Verdict.COMPATIBLE),
  /** A {@code pattern} introduced: old providers may send values outside it. */
  PATTERN_ADDED(Verdict.BREAKING, Verdict.COMPATIBLE),
  /** A {@code pattern} removed: old queriers may receive values they never expected. */
  PATTERN_REMOVED(Verdict.COMPATIBLE, Verdict.BREAKING),
  /** A {@code pattern} replaced: whether one contains the other cannot be decided in general. */
  PATTERN_CHANGED(Verdict.BREAKING, Verdict.BREAKING),
  /**
   * A code value added: old queriers read it as "other" (their duty), old providers never send it.
   */
  CODE_ADDED(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** A code value removed: old providers may still send it. */
  CODE_REMOVED(Verdict.BREAKING, Verdict.COMPATIBLE),
  /** A code value's label reworded; changing what a value means is forbidden (use a new value). */
  CODE_LABEL_CHANGED(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** A field's Japanese or English name changed; documents use the code only. */
  FIELD_NAME_CHANGED(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** A field's description changed. */
  DESCRIPTION_CHANGED(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** The item's Japanese or English name changed. */
  ITEM_NAME_CHANGED(Verdict.COMPATIBLE, Verdict.COMPATIBLE),
  /** Fields listed in another order; a document is a JSON object, so order has no meaning. */
  FIELD_ORDER_CHANGED(Verdict.COMPATIBLE, Verdict.COMPATIBLE);

  private final Verdict forProviders;
  private final Verdict forQueriers;

  ChangeKind(Verdict forProviders, Verdict forQueriers) {
    this.forProviders = forProviders;
    this.forQueriers = forQueriers;
  }

  /** Verdict for providers still writing documents for the older edition. */
  public Verdict forProviders() {
    return forProviders;
  }

  /** Verdict for queriers still reading documents as the older edition. */
  public Verdict forQueriers() {
    return forQueriers;
  }

  /** Whether this change breaks either side. */
  public boolean breaking() {
    return forProviders == Verdict.BREAKING || forQueriers == Verdict.BREAKING;
  }
}
