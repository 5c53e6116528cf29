package net.fsgateway.codec;

import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * A request the codec refuses. The message is client-safe (never a parser's internal text) and becomes the
 * fault string as is. Expected on hostile input, so it carries no stack trace.
 */
public class ProtocolException extends Exception {
  private final FaultCode faultCode;

  public ProtocolException(FaultCode faultCode, String message) {
    super(message, null, false, false);
    this.faultCode = faultCode;
  }

  public FaultCode faultCode() {
    return faultCode;
  }

  /** The fault to answer with. */
  public MethodResponse.Fault toFault() {
    return new MethodResponse.Fault(faultCode, getMessage());
  }
}
