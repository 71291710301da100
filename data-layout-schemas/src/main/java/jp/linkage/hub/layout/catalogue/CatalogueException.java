package jp.linkage.hub.layout.catalogue;

/**
 * The catalogue could not be generated or written; the message says which file or entry and why.
 */
public final class CatalogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogueException(String message) {
    super(message);
  }

  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
