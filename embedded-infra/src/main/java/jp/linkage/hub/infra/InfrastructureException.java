package jp.linkage.hub.infra;

/** Kafka or PostgreSQL could not be started, reached, stopped or prepared. */
public class InfrastructureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }

  public InfrastructureException(String message) {
    super(message);
  }
}
