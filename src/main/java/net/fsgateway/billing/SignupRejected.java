package net.fsgateway.billing;

/**
 * A signup refused for a reason the reseller should see: its message becomes the answer's {@code error} string
 * (not a fault, as in Freeside). Messages are Freeside's texts where it has one, and never quote a card number,
 * CVV, SSN, prepaid card or password.
 */
public final class SignupRejected extends RuntimeException {
  public static final String DECLINE = "_decline";
  public static final String USERNAME_IN_USE = "Username in use";
  /** Freeside appends the card's identifier; a prepaid card is a bearer credential, so it is not echoed here. */
  public static final String INVALID_PREPAID = "Invalid prepaid card";
  public static final String UNKNOWN_REG_CODE = "Unknown registration code";
  public static final String UNKNOWN_PROMO_CODE = "Unknown promotional code";

  public SignupRejected(String message) {
    super(message, null, false, false);
  }

  public static SignupRejected decline() {
    return new SignupRejected(DECLINE);
  }
}
