package net.fsgateway.admin;

/** An administration request that cannot be carried out; the message is shown to the operator as is. */
public final class AdminException extends RuntimeException {
  public AdminException(String message) {
    super(message, null, false, false);
  }
}
