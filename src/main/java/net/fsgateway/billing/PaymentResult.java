package net.fsgateway.billing;

/**
 * A processor's answer to an authorization.
 *
 * @param approved  whether the money was authorized
 * @param reference the processor's transaction reference (to void it later); '' when declined
 * @param message   the processor's reason, for logs; never shown with card data
 */
public record PaymentResult(boolean approved, String reference, String message) {
  public static PaymentResult approved(String reference) {
    return new PaymentResult(true, reference, "approved");
  }

  public static PaymentResult declined(String message) {
    return new PaymentResult(false, "", message);
  }
}
