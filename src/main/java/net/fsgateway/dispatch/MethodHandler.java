package net.fsgateway.dispatch;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** The body of one method: a call in, its result out. A failed future becomes a fault through {@link Failures}. */
@FunctionalInterface
public interface MethodHandler {
  Future<XmlRpcValue> handle(CallRequest call);

  /** Runs the handler and turns every outcome, a throw included, into a response. Never fails. */
  static Future<MethodResponse> answer(String method, MethodHandler handler, CallRequest call) {
    Future<XmlRpcValue> result;
    try {
      result = handler.handle(call);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .map(value -> (MethodResponse) new MethodResponse.Success(value))
        .otherwise(failure -> Failures.toFault(method, failure));
  }
}
