package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.function.Function;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** The body of one method: a call in, its result out. A failed future becomes a fault through {@link Failures}. */
@FunctionalInterface
public interface MethodHandler {
  Future<XmlRpcValue> handle(CallRequest call);

  /** The response to a call; a handler whose answer is streamed ({@link #streamed}) answers here directly. */
  default Future<MethodResponse> respond(CallRequest call) {
    return handle(call).map(MethodResponse.Success::new);
  }

  /** A handler whose answer may be a {@link MethodResponse.Streamed}; {@link #handle} reads it whole. */
  static MethodHandler streamed(Function<CallRequest, Future<MethodResponse>> body) {
    return new MethodHandler() {
      @Override
      public Future<XmlRpcValue> handle(CallRequest call) {
        return body.apply(call).compose(StreamedAnswers::whole).map(r -> ((MethodResponse.Success) r).value());
      }

      @Override
      public Future<MethodResponse> respond(CallRequest call) {
        return body.apply(call);
      }
    };
  }

  /**
   * Runs the handler and hands its response to {@code then}, every outcome (a failure, a throw) turned into one;
   * one listener on the handler's future, with no intermediate future.
   */
  static void answer(String method, MethodHandler handler, CallRequest call, Handler<MethodResponse> then) {
    Future<MethodResponse> result;
    try {
      result = handler.respond(call);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete((response, failure) ->
        then.handle(failure == null ? response : Failures.toFault(method, failure)));
  }
}
