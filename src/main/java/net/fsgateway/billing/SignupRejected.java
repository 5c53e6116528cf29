package net.fsgateway.billing;

/**
 * A signup refused for a reason the reseller should see: its message becomes the answer's {@code error} string
 * (not a fault, as in Freeside). Messages name the field and never quote a card number, CVV or password.
 */
public final class SignupRejected extends RuntimeException {
  public static final String DECLINE = "_decline";
  public static final String USERNAME_IN_USE = "Username in use";

  public SignupRejected(String message) {
    super(message, null, false, false);
  }

  public static SignupRejected decline() {
    return new SignupRejected(DECLINE);
  }
}
