package net.fsgateway.xmlrpc;

import java.util.List;
import java.util.Objects;

/** A decoded {@code <methodCall>}: the method name exactly as sent and its params. */
public record MethodCall(String methodName, List<XmlRpcValue> params) {
  public MethodCall {
    Objects.requireNonNull(methodName, "methodName");
    params = List.copyOf(params);
  }
}
