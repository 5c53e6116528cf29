package net.fsgateway.dispatch;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.MethodResponse;

/** How the dispatcher reaches the handler of a method. Never fails: a missing handler or a timeout is a fault. */
@FunctionalInterface
public interface MethodRoute {
  Future<MethodResponse> call(MethodSpec spec, CallRequest request, int timeoutMs);
}
