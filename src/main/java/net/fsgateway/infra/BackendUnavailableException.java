package net.fsgateway.infra;

/** A backend could not be started or reached at start-up; the message says which and which setting to check. */
public final class BackendUnavailableException extends RuntimeException {
  public BackendUnavailableException(String message) {
    super(message, null, false, false);
  }

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
