package net.fsgateway.xmlrpc;

import java.util.Objects;
import java.util.function.UnaryOperator;

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

  /**
   * A success too large to hold in memory: the members of {@code head}, then the member {@code member}, an array
   * whose items are written one by one as {@code items} delivers them, each through {@code typing} first.
   */
  record Streamed(XStruct head, String member, ItemStream items, UnaryOperator<XmlRpcValue> typing)
      implements MethodResponse {
    public Streamed {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(typing, "typing");
    }

    public Streamed(XStruct head, String member, ItemStream items) {
      this(head, member, items, UnaryOperator.identity());
    }
  }

  static MethodResponse success(XmlRpcValue value) {
    return new Success(value);
  }

  static MethodResponse fault(FaultCode code, String message) {
    return new Fault(code, message);
  }
}
