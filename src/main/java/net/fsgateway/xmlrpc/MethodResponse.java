package net.fsgateway.xmlrpc;

import java.util.Objects;

/** What a method answers: one value, or a fault. */
public sealed interface MethodResponse {

  /** A {@code <methodResponse>} with one param. */
  record Success(XmlRpcValue value) implements MethodResponse {
    public Success {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A {@code <fault>}. The message is shown to clients: never put an exception text or a secret in it. */
  record Fault(int code, String message) implements MethodResponse {
    public Fault {
      Objects.requireNonNull(message, "message");
    }

    public Fault(FaultCode code, String message) {
      this(code.code(), message);
    }
  }

  static MethodResponse success(XmlRpcValue value) {
    return new Success(value);
  }

  static MethodResponse fault(FaultCode code, String message) {
    return new Fault(code, message);
  }
}
