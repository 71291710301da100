package jp.linkage.hub.bench;

/**
 * The benchmark could not complete a run (a send failed, linkages never completed, setup failed).
 */
final class BenchmarkException extends Exception {
  BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
