package net.fsgateway.billing;

/**
 * The processor could not be reached or did not answer sensibly (connection refused or dropped, HTTP 5xx, an
 * answer that is not its JSON). These count against the circuit breaker; the message never holds card data.
 */
public final class ProcessorUnavailable extends RuntimeException {
  public ProcessorUnavailable(String message) {
    super(message, null, false, false);
  }
}
