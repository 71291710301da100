package jp.linkage.hub.core.reference;

/**
 * A permission table edition differs from the one already in the event log under the same id. Past
 * queries were judged against the logged text, so an edition is never edited in place: a change of
 * the law is a new edition with its own id and start date.
 */
public final class PublishedTableChangedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PublishedTableChangedException(String version, String loggedSha256, String currentSha256) {
    super(
        "permission table "
            + version
            + " differs from the edition already in the event log"
            + " (logged sha256 "
            + loggedSha256
            + ", current "
            + currentSha256
            + "); publish the change as a new edition instead");
  }
}
