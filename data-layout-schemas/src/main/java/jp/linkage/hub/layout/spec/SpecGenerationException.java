package jp.linkage.hub.layout.spec;

/**
 * A specification cannot be generated, e.g. a record component of a type the generator does not
 * map.
 */
public final class SpecGenerationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SpecGenerationException(String message) {
    super(message);
  }
}
