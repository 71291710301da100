package jp.linkage.hub.server.api;

/** The agency has no symbol yet for this local id, so it cannot query about the person. */
public class UnknownPersonException extends Exception {
  public UnknownPersonException(String agency, String localId) {
    super("agency " + agency + " has no symbol for local id " + localId + "; request one first");
  }
}
