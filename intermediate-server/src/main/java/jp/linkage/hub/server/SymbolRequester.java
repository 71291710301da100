package jp.linkage.hub.server;

import jp.linkage.hub.registry.MyNumber;

/**
 * The line to the resident registry network (住基ネット) over which an agency asks for a person's
 * symbol. The My Number travels only on this line, never on a hub topic.
 */
@FunctionalInterface
public interface SymbolRequester {
  void requestSymbol(String agency, String requestRef, MyNumber myNumber);
}
