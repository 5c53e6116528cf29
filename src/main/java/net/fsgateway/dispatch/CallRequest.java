package net.fsgateway.dispatch;

import java.util.List;
import java.util.Objects;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * One method call on its way over the event bus to the verticle that owns the method.
 *
 * @param method        the canonical method name (prefix stripped), e.g. {@code agent_login}
 * @param params        the params as decoded
 * @param clientAddress the caller's IP address, for throttling; never a secret
 */
public record CallRequest(String method, List<XmlRpcValue> params, String clientAddress) {
  public CallRequest {
    Objects.requireNonNull(method, "method");
    params = List.copyOf(params);
    Objects.requireNonNull(clientAddress, "clientAddress");
  }

  /** The single struct param of a reseller method; the registry has checked its presence before dispatch. */
  public XStruct struct() {
    return (XStruct) params.get(0);
  }
}
