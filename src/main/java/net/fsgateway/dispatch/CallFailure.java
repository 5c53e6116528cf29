package net.fsgateway.dispatch;

import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * A failure that becomes a fault: invalid params found by a method, or a server condition. The message is
 * shown to the client, so it must never hold an exception text or a secret. No stack trace: it is expected.
 */
public final class CallFailure extends RuntimeException {
  private final FaultCode code;

  public CallFailure(FaultCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static CallFailure invalidParams(String message) {
    return new CallFailure(FaultCode.INVALID_PARAMS, message);
  }

  public FaultCode code() {
    return code;
  }

  public MethodResponse.Fault toFault() {
    return new MethodResponse.Fault(code, getMessage());
  }
}
