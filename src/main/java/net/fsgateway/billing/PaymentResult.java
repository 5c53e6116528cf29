package net.fsgateway.billing;

/**
 * A processor's answer to an authorization.
 *
 * @param outcome   approved, declined, or refused with an error (bad credentials, invalid field, duplicate)
 * @param reference the processor's transaction reference (to capture or void it later); '' unless approved
 * @param message   the processor's reason text; never holds card data
 */
public record PaymentResult(Outcome outcome, String reference, String message) {
  /** How the processor answered. */
  public enum Outcome { APPROVED, DECLINED, ERROR }

  public static PaymentResult approved(String reference) {
    return new PaymentResult(Outcome.APPROVED, reference, "approved");
  }

  public static PaymentResult declined(String message) {
    return new PaymentResult(Outcome.DECLINED, "", message);
  }

  public static PaymentResult error(String message) {
    return new PaymentResult(Outcome.ERROR, "", message);
  }

  public boolean approved() {
    return outcome == Outcome.APPROVED;
  }
}
