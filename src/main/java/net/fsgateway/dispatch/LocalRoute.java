package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import net.fsgateway.infra.Timeouts;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Fault;

/**
 * Calls handlers that live on the caller's own event loop (co-located services): a method call is a function
 * call, with no event-bus message, no reply address and no hop to another thread. One instance per HTTP verticle,
 * filled and read on that verticle's event loop only, so a plain map is enough.
 */
public final class LocalRoute implements MethodRoute, MethodSink {
  private final Vertx vertx;
  private final Map<String, MethodHandler> handlers = new HashMap<>();
  /** By length: a method's timeout is the same on every call, so there are as many as distinct lengths. */
  private final Map<Integer, Timeouts> timeouts = new HashMap<>();

  public LocalRoute(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> register(String method, MethodHandler handler) {
    if (handlers.putIfAbsent(method, handler) != null) {
      return Future.failedFuture(new IllegalStateException(method + " is registered twice"));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<MethodResponse> call(MethodSpec spec, CallRequest request, int timeoutMs) {
    MethodHandler handler = handlers.get(spec.name());
    if (handler == null) {
      return Future.succeededFuture(new Fault(FaultCode.SERVER_BUSY, spec.name() + " is not available right now"));
    }
    // The same bound as the bus's send timeout: a call that outlives it answers "timed out" and its late result
    // is dropped. This event loop's own Timeouts: Future.timeout() would schedule on Netty's global executor, a
    // thread wake-up per call (measured: a quarter of the gateway's CPU at 64 connections).
    Promise<MethodResponse> answer = Promise.promise();
    Timeouts.Timeout timeout = timeouts.computeIfAbsent(timeoutMs, ms -> new Timeouts(vertx, ms))
        .arm(() -> answer.tryComplete(Failures.timedOut(spec.name())));
    MethodHandler.answer(spec.name(), handler, request, response -> {
      timeout.cancel();
      if (!answer.tryComplete(response)) {
        StreamedAnswers.discard(response);
      }
    });
    return answer.future();
  }
}
