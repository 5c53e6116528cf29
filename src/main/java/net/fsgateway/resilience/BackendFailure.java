package net.fsgateway.resilience;

/**
 * A failure already classified: a backend deadline that ran out, a refused call, or a driver exception whose
 * {@link FailureCause} is known. Expected, so it carries no stack trace; {@code detail} is for the log only.
 */
public final class BackendFailure extends RuntimeException {
  private final FailureCause cause;

  public BackendFailure(FailureCause cause, String detail) {
    super(detail, null, false, false);
    this.cause = cause;
  }

  public FailureCause failureCause() {
    return cause;
  }
}
